import type Database from 'better-sqlite3';
import { readCompany, reindexCompany } from '../people/companies';
import { readContact, reindexContact } from '../people/contacts';
import { readNote, reindexNote } from '../people/notes';
import { companies, contacts, notes } from '../people/schema';
import { readDeal, reindexDeal } from '../sales/deals';
import { readOrder } from '../sales/orders';
import { readProduct } from '../sales/products';
import { deals, orders, products } from '../sales/schema';
import { readActivity } from '../work/activities';
import { activities, tasks } from '../work/schema';
import { readTask } from '../work/tasks';
import type { TrashKind } from '../contract/system';
import { write } from '../write/transaction';
import type { RecordTable, RecordWriter } from '../write/record-writer';
import type { Workspace } from '../workspace/open';

export type RecordKind = TrashKind;

const unindexed = () => undefined;

/** What the generic operations (delete, restore, trash) need to know about each kind of record. */
export const RECORD_KINDS: Record<
  RecordKind,
  { table: RecordTable; read: (sqlite: Database.Database, id: number) => unknown; reindex: (sqlite: Database.Database, id: number) => void }
> = {
  contact: { table: contacts, read: readContact, reindex: reindexContact },
  company: { table: companies, read: readCompany, reindex: reindexCompany },
  note: { table: notes, read: readNote, reindex: reindexNote },
  deal: { table: deals, read: readDeal, reindex: reindexDeal },
  activity: { table: activities, read: readActivity, reindex: unindexed },
  task: { table: tasks, read: readTask, reindex: unindexed },
  order: { table: orders, read: readOrder, reindex: unindexed },
  product: { table: products, read: readProduct, reindex: unindexed },
};

/** Soft delete to the Trash; `version`, when given, guards against deleting a record someone just edited. */
export function removeRecord(workspace: Workspace, kind: RecordKind, input: { id: number; version?: number | undefined }): void {
  write(workspace, (writer) => removeInTransaction(writer, kind, input));
}

/** The same, inside a transaction the caller runs. */
export function removeInTransaction(writer: RecordWriter, kind: RecordKind, input: { id: number; version?: number | undefined }): void {
  const { table, read, reindex } = RECORD_KINDS[kind];
  writer.softDelete(table, input.id, input.version, (id) => read(writer.sqlite, id));
  reindex(writer.sqlite, input.id);
}

/** Soft-deletes many records in one transaction (all or nothing); they can be restored from the Trash. */
export function bulkRemoveRecords(workspace: Workspace, kind: RecordKind, ids: number[]): { count: number } {
  return write(workspace, (writer) => {
    const unique = [...new Set(ids)];
    for (const id of unique) removeInTransaction(writer, kind, { id });
    return { count: unique.length };
  });
}

export function restoreRecord(workspace: Workspace, kind: RecordKind, id: number): void {
  write(workspace, (writer) => {
    const { table, reindex } = RECORD_KINDS[kind];
    writer.restore(table, id);
    reindex(writer.sqlite, id);
  });
}
