import { and, asc, eq, inArray, isNull, sql, type Placeholder } from 'drizzle-orm';
import type { TagRef } from '../contract/people';
import { RapportError, validation } from '../errors';
import { oncePerConnection, type Reads } from '../read/reads';
import { defineChildRows } from '../write/child-rows';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { companyTags, contactTags, tags } from './schema';

type TaggedKind = 'contact' | 'company';

/** A record's tags, as names in the audit (ids mean nothing to a person reading the history). */
function describeTags(rows: { tagId?: number }[], reads: Reads): string[] {
  const ids = rows.map((row) => row.tagId!).filter((id) => id !== undefined);
  if (ids.length === 0) return [];
  return reads.db
    .select({ name: tags.name })
    .from(tags)
    .where(inArray(tags.id, ids))
    .orderBy(sql`lower(${tags.name})`)
    .all()
    .map((row) => row.name);
}

export const contactTagRows = defineChildRows({ table: contactTags, parent: 'contactId', field: 'tags', describe: describeTags });
export const companyTagRows = defineChildRows({ table: companyTags, parent: 'companyId', field: 'tags', describe: describeTags });

const LINKS = {
  contact: { rows: contactTagRows, owner: contactTags.contactId, tag: contactTags.tagId },
  company: { rows: companyTagRows, owner: companyTags.companyId, tag: companyTags.tagId },
} as const;

/** Sets a record's tags to `tagIds` (with `insert`/`update`'s `children`); `tagIds` must have passed checkTagIds. */
export function tagsReplacement(kind: TaggedKind, tagIds: number[]) {
  return LINKS[kind].rows.replace([...new Set(tagIds)].map((tagId) => ({ tagId })));
}

export function listTags(store: Store): TagRef[] {
  return store.reads.db
    .select({ id: tags.id, name: tags.name, color: tags.color })
    .from(tags)
    .where(isNull(tags.deletedAt))
    .orderBy(sql`lower(${tags.name})`)
    .all();
}

export function createTag(store: Store, input: { name: string; color: string | null }): TagRef {
  return write(store, (writer) => {
    const clash = writer.reads.db.select({ id: tags.id }).from(tags).where(sql`lower(${tags.name}) = lower(${input.name})`).get();
    if (clash) throw new RapportError('VALIDATION', 'A tag with this name exists', { issues: [{ path: 'name', message: 'A tag with this name exists' }] });
    const id = writer.insert(tags, { name: input.name, color: input.color });
    return { id, name: input.name, color: input.color };
  });
}

/**
 * The live tags, by name, of one record (`id`, a record page) or of many (`ids`, a JSON array: a list
 * page's rows); exported for the plan test. Both are prepared once: a list page's ids as one
 * parameter keep the SQL text the same whatever the page holds.
 */
export function tagsQuery(reads: Reads, kind: TaggedKind, ids: Placeholder, many = false) {
  const link = LINKS[kind];
  return reads.db
    .select({ owner: link.owner, id: tags.id, name: tags.name, color: tags.color })
    .from(link.rows.table)
    .innerJoin(tags, eq(tags.id, link.tag))
    .where(and(many ? sql`${link.owner} IN (SELECT value FROM json_each(${ids}))` : eq(link.owner, ids), isNull(tags.deletedAt)))
    .orderBy(asc(sql`lower(${tags.name})`));
}

const preparedTags = (kind: TaggedKind, many: boolean) =>
  oncePerConnection((reads) => tagsQuery(reads, kind, sql.placeholder('ids'), many).prepare());
const recordTags = { contact: preparedTags('contact', false), company: preparedTags('company', false) };
const pageTags = { contact: preparedTags('contact', true), company: preparedTags('company', true) };

/** Tags of many records at once (list pages): record id → tags. */
export function tagsFor(reads: Reads, kind: TaggedKind, ids: number[]): Map<number, TagRef[]> {
  const result = new Map<number, TagRef[]>();
  if (ids.length === 0) return result;
  const rows = ids.length === 1 ? recordTags[kind](reads).all({ ids: ids[0] }) : pageTags[kind](reads).all({ ids: JSON.stringify(ids) });
  for (const { owner, ...tag } of rows) {
    const list = result.get(owner) ?? [];
    list.push(tag);
    result.set(owner, list);
  }
  return result;
}

export function checkTagIds(reads: Reads, tagIds: number[], path = 'tagIds'): void {
  if (tagIds.length === 0) return;
  const found = reads.db
    .select({ id: tags.id })
    .from(tags)
    .where(and(isNull(tags.deletedAt), inArray(tags.id, tagIds)))
    .all()
    .map((row) => row.id);
  const missing = tagIds.findIndex((tagId) => !found.includes(tagId));
  if (missing >= 0) throw validation(`${path}.${missing}`, `Tag ${tagIds[missing]} does not exist`);
}
