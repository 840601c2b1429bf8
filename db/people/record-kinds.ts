import type Database from 'better-sqlite3';
import { write } from '../write/transaction';
import type { RecordTable, RecordWriter } from '../write/record-writer';
import type { Workspace } from '../workspace/open';
import { readCompany, reindexCompany } from './companies';
import { readContact, reindexContact } from './contacts';
import { readNote, reindexNote } from './notes';
import { companies, contacts, notes } from './schema';

export type RecordKind = 'contact' | 'company' | 'note';

/** What the generic operations (delete, restore, trash) need to know about each kind of record. */
export const RECORD_KINDS: Record<
  RecordKind,
  { table: RecordTable; read: (sqlite: Database.Database, id: number) => unknown; reindex: (sqlite: Database.Database, id: number) => void }
> = {
  contact: { table: contacts, read: readContact, reindex: reindexContact },
  company: { table: companies, read: readCompany, reindex: reindexCompany },
  note: { table: notes, read: readNote, reindex: reindexNote },
};

/** Soft delete to the Trash; `version`, when given, guards against deleting a record someone just edited. */
export function removeRecord(workspace: Workspace, kind: RecordKind, input: { id: number; version?: number | undefined }): void {
  write(workspace, (writer) => removeInTransaction(writer, kind, input));
}

/** The same, inside a transaction the caller runs (bulk delete). */
export function removeInTransaction(writer: RecordWriter, kind: RecordKind, input: { id: number; version?: number | undefined }): void {
  const { table, read, reindex } = RECORD_KINDS[kind];
  writer.softDelete(table, input.id, input.version, (id) => read(writer.sqlite, id));
  reindex(writer.sqlite, input.id);
}

export function restoreRecord(workspace: Workspace, kind: RecordKind, id: number): void {
  write(workspace, (writer) => {
    const { table, reindex } = RECORD_KINDS[kind];
    writer.restore(table, id);
    reindex(writer.sqlite, id);
  });
}
