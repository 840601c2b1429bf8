import type { TrashKind } from '../contract/record-kinds';
import { write } from '../write/transaction';
import type { RecordWriter } from '../write/record-writer';
import type { Store } from '../workspace/store';
import { definitionOf, reindexAny } from './registry';

/** Soft delete to the Trash; `version`, when given, guards against deleting a record someone just edited. */
export function removeRecord(store: Store, kind: TrashKind, input: { id: number; version?: number | undefined }): void {
  write(store, (writer) => removeInTransaction(writer, kind, input));
}

/** The same, inside a transaction the caller runs. */
export function removeInTransaction(writer: RecordWriter, kind: TrashKind, input: { id: number; version?: number | undefined }): void {
  const { table, read } = definitionOf(kind);
  writer.softDelete(table, input.id, input.version, (id) => read(writer.reads, id));
  reindexAny(writer, kind, input.id);
}

/** Soft-deletes many records in one transaction (all or nothing); they can be restored from the Trash. */
export function bulkRemoveRecords(store: Store, kind: TrashKind, ids: number[]): { count: number } {
  return write(store, (writer) => {
    const unique = [...new Set(ids)];
    for (const id of unique) removeInTransaction(writer, kind, { id });
    return { count: unique.length };
  });
}

export function restoreRecord(store: Store, kind: TrashKind, id: number): void {
  write(store, (writer) => restoreInTransaction(writer, kind, id));
}

export function restoreInTransaction(writer: RecordWriter, kind: TrashKind, id: number): void {
  writer.restore(definitionOf(kind).table, id);
  reindexAny(writer, kind, id);
}

/** Restores many records in one transaction: the Undo of a bulk delete is all or nothing too. */
export function bulkRestoreRecords(store: Store, items: { kind: TrashKind; id: number }[]): { count: number } {
  return write(store, (writer) => {
    const seen = new Set<string>();
    for (const item of items) {
      const key = `${item.kind}:${item.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      restoreInTransaction(writer, item.kind, item.id);
    }
    return { count: seen.size };
  });
}
