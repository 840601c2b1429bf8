import type { TFunction } from 'i18next';
import type { RecordKind } from '../../../db/contract/record-kinds';
import { companyView, contactView, noteView } from '../features/people/kinds';
import { dealView, orderView, pipelineView, productView, stageView } from '../features/sales/kinds';
import { activityView, taskView } from '../features/work/kinds';
import type { RecordKindView } from './record-kind';

/** The one registration of every record kind in the renderer; the compiler checks it against the contract's list. */
export const RECORD_KIND_VIEWS = {
  contact: contactView,
  company: companyView,
  deal: dealView,
  note: noteView,
  activity: activityView,
  task: taskView,
  order: orderView,
  product: productView,
  pipeline: pipelineView,
  stage: stageView,
} satisfies Record<RecordKind, RecordKindView>;

export function viewOf(kind: RecordKind): RecordKindView {
  return RECORD_KIND_VIEWS[kind];
}

type Views = typeof RECORD_KIND_VIEWS;
/** Kinds with a page of their own. */
export type PagedKind = { [K in RecordKind]: Views[K] extends { Page: unknown } ? K : never }[RecordKind];

export const PAGED_KINDS = (Object.keys(RECORD_KIND_VIEWS) as RecordKind[]).filter((kind) => viewOf(kind).Page) as PagedKind[];

/** The record's page. */
export function recordPagePath(kind: PagedKind, id: number): string {
  return `${RECORD_KIND_VIEWS[kind].home}/${id}`;
}

/** Where a link to a record goes: its page, else where the kind is managed; null when it has neither. */
export function recordPath(kind: RecordKind, id: number): string | null {
  const view = viewOf(kind);
  if (!view.home) return null;
  return view.Page ? `${view.home}/${id}` : view.home;
}

/** The kind's name in the interface language: `one` for a badge, `many` for a tab, `noun` inside a sentence. */
export function kindName(t: TFunction, kind: RecordKind, form: 'one' | 'many' | 'noun' = 'one'): string {
  return t(`recordKinds.${kind}.${form}`);
}
