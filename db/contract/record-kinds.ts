/**
 * Every kind of record the API knows, once. The core registers how each kind is stored
 * (db/system/registry.ts) and the renderer how it is shown (renderer/src/app/record-kinds.ts);
 * both are checked against this list by the compiler.
 *
 * `searchCode` places the kind's rows in the search index (FTS rowid = code × stride + id): it is
 * stored in users' files, so a code is never reused or changed. `trash`: deleted records of the
 * kind go to the Trash (a kind without it is deleted with its parent, like a stage with its
 * pipeline).
 */
export const RECORD_KIND_TRAITS = {
  contact: { searchCode: 1, trash: true },
  company: { searchCode: 2, trash: true },
  deal: { searchCode: 4, trash: true },
  note: { searchCode: 3, trash: true },
  activity: { searchCode: null, trash: true },
  task: { searchCode: null, trash: true },
  order: { searchCode: null, trash: true },
  product: { searchCode: null, trash: true },
  pipeline: { searchCode: null, trash: false },
  stage: { searchCode: null, trash: false },
} as const satisfies Record<string, { searchCode: number | null; trash: boolean }>;

type Traits = typeof RECORD_KIND_TRAITS;
export type RecordKind = keyof Traits;
export type SearchKind = { [K in RecordKind]: Traits[K]['searchCode'] extends number ? K : never }[RecordKind];
export type TrashKind = { [K in RecordKind]: Traits[K]['trash'] extends true ? K : never }[RecordKind];

const kinds = Object.keys(RECORD_KIND_TRAITS) as RecordKind[];

export const RECORD_KINDS = kinds as unknown as readonly [RecordKind, ...RecordKind[]];
export const SEARCH_KINDS = kinds.filter((kind) => RECORD_KIND_TRAITS[kind].searchCode !== null) as unknown as readonly [SearchKind, ...SearchKind[]];
export const TRASH_KINDS = kinds.filter((kind) => RECORD_KIND_TRAITS[kind].trash) as unknown as readonly [TrashKind, ...TrashKind[]];

/** Where a kind's rows live in the search index. */
export function searchCode(kind: SearchKind): number {
  return RECORD_KIND_TRAITS[kind].searchCode;
}
