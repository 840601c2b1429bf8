import type { ComponentType } from 'react';
import type { IconName } from './ui/Icon';

/**
 * What the renderer knows about one kind of record. The palette, timeline and task links,
 * history and the Trash are derived from these (app/record-kinds.ts).
 */
export interface RecordKindView {
  icon: IconName;
  /** Where the kind is listed or managed (`/contacts`, `/pipeline/settings`); null when only shown inside other records. */
  home: string | null;
  /** The record's own page, routed at `${home}/:id`; kinds without one link to their home. */
  Page?: ComponentType<{ id: number }>;
}

export function defineRecordKindView<T extends RecordKindView>(view: T): T {
  return view;
}
