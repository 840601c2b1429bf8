import type { z } from 'zod';
import type { TrashEntry, TrashKind, trashList } from '../contract/system';
import { decodeCursor, encodeCursor } from '../read/keyset';
import { statement } from '../read/statements';
import { companies, contacts, notes } from '../people/schema';
import { reindexContact } from '../people/contacts';
import { restoreRecord } from '../people/record-kinds';
import { unindexRecord } from '../search/index';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { RapportError } from '../errors';

type TrashQuery = z.output<typeof trashList>;

const TRASH_SQL = `
    SELECT 'contact' AS kind, id, name AS title, deleted_at, updated_by FROM contacts WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'company', id, name, deleted_at, updated_by FROM companies WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'note', id, substr(body, 1, 120), deleted_at, updated_by FROM notes WHERE deleted_at IS NOT NULL`;

/** Everything soft-deleted, most recently deleted first. */
export function listTrash(workspace: Workspace, query: TrashQuery): { rows: TrashEntry[]; nextCursor: string | null } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.kind) {
    where.push('t.kind = ?');
    params.push(query.kind);
  }
  if (query.cursor) {
    const [deletedAt, kind, id] = decodeCursor(query.cursor, 3) as [number, string, number];
    where.push('(t.deleted_at, t.kind, t.id) < (?, ?, ?)');
    params.push(deletedAt, kind, id);
  }
  const rows = statement(
    workspace.sqlite,
    `SELECT t.kind, t.id, t.title, t.deleted_at, u.name AS deleted_by_name FROM (${TRASH_SQL}) t
     LEFT JOIN users u ON u.id = t.updated_by
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY t.deleted_at DESC, t.kind DESC, t.id DESC LIMIT ?`,
  ).all(...params, query.limit + 1) as { kind: TrashKind; id: number; title: string; deleted_at: number; deleted_by_name: string | null }[];
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ kind: row.kind, id: row.id, title: row.title, deletedAt: row.deleted_at, deletedByName: row.deleted_by_name })),
    nextCursor: hasMore && last ? encodeCursor([last.deleted_at, last.kind, last.id]) : null,
  };
}

export function restoreFromTrash(workspace: Workspace, item: { kind: TrashKind; id: number }): void {
  restoreRecord(workspace, item.kind, item.id);
}

/**
 * Deletes trashed records for good, in one transaction. A company still referenced by live
 * contacts, or a contact/company with notes, loses those links first (notes are purged with it).
 */
export function purgeFromTrash(workspace: Workspace, items: { kind: TrashKind; id: number }[]): { purged: number } {
  return write(workspace, (writer) => {
    const { sqlite } = writer;
    for (const item of items) {
      if (item.kind === 'note') {
        writer.purge(notes, item.id);
        unindexRecord(sqlite, 'note', item.id);
        continue;
      }
      const table = item.kind === 'contact' ? contacts : companies;
      const noteColumn = item.kind === 'contact' ? 'contact_id' : 'company_id';
      const row = writer.read(table, item.id);
      if (!row || row.deletedAt === null) throw new RapportError('NOT_FOUND', `${item.kind} ${item.id} is not in the Trash; nothing was purged.`);
      for (const { id } of sqlite.prepare(`SELECT id FROM notes WHERE ${noteColumn} = ?`).all(item.id) as { id: number }[]) {
        sqlite.prepare('DELETE FROM notes WHERE id = ?').run(id);
        unindexRecord(sqlite, 'note', id);
        writer.audit('purge', notes, id, []);
        writer.change(notes, id, 'purge');
      }
      if (item.kind === 'company') {
        for (const { id, version } of sqlite.prepare('SELECT id, version FROM contacts WHERE company_id = ?').all(item.id) as {
          id: number;
          version: number;
        }[]) {
          const contact = writer.read(contacts, id)!;
          if (contact.deletedAt === null) writer.update(contacts, id, version, { companyId: null });
          else sqlite.prepare('UPDATE contacts SET company_id = NULL WHERE id = ?').run(id);
          reindexContact(sqlite, id);
        }
      }
      writer.purge(table, item.id);
      unindexRecord(sqlite, item.kind, item.id);
    }
    return { purged: items.length };
  });
}
