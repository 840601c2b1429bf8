import type { TrashKind } from '../contract/record-kinds';
import { write } from '../write/transaction';
import type { RecordWriter } from '../write/record-writer';
import type { Workspace } from '../workspace/open';
import { definitionOf, reindexAny } from './registry';

/** Soft delete to the Trash; `version`, when given, guards against deleting a record someone just edited. */
export function removeRecord(workspace: Workspace, kind: TrashKind, input: { id: number; version?: number | undefined }): void {
  write(workspace, (writer) => removeInTransaction(writer, kind, input));
}

/** The same, inside a transaction the caller runs. */
export function removeInTransaction(writer: RecordWriter, kind: TrashKind, input: { id: number; version?: number | undefined }): void {
  const { table, read } = definitionOf(kind);
  writer.softDelete(table, input.id, input.version, (id) => read(writer.reads, id));
  reindexAny(writer, kind, input.id);
}

/** Soft-deletes many records in one transaction (all or nothing); they can be restored from the Trash. */
export function bulkRemoveRecords(workspace: Workspace, kind: TrashKind, ids: number[]): { count: number } {
  return write(workspace, (writer) => {
    const unique = [...new Set(ids)];
    for (const id of unique) removeInTransaction(writer, kind, { id });
    return { count: unique.length };
  });
}

export function restoreRecord(workspace: Workspace, kind: TrashKind, id: number): void {
  write(workspace, (writer) => restoreInTransaction(writer, kind, id));
}

export function restoreInTransaction(writer: RecordWriter, kind: TrashKind, id: number): void {
  writer.restore(definitionOf(kind).table, id);
  reindexAny(writer, kind, id);
}

/** Restores many records in one transaction: the Undo of a bulk delete is all or nothing too. */
export function bulkRestoreRecords(workspace: Workspace, items: { kind: TrashKind; id: number }[]): { count: number } {
  return write(workspace, (writer) => {
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
