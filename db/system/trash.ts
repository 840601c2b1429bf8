import type { z } from 'zod';
import type { TrashEntry, TrashKind, trashList } from '../contract/system';
import { decodeCursor, encodeCursor } from '../read/keyset';
import { statement } from '../read/statements';
import { contacts, notes } from '../people/schema';
import { reindexContact } from '../people/contacts';
import { RECORD_KINDS, restoreRecord } from './record-kinds';
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
    SELECT 'note', id, substr(body, 1, 120), deleted_at, updated_by FROM notes WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'deal', id, title, deleted_at, updated_by FROM deals WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'activity', id, subject, deleted_at, updated_by FROM activities WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'task', id, title, deleted_at, updated_by FROM tasks WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'order', id, number, deleted_at, updated_by FROM orders WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'product', id, name, deleted_at, updated_by FROM products WHERE deleted_at IS NOT NULL`;

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

/** Rows elsewhere that would lose their record if it were purged: purge waits until they are gone. */
const BLOCKERS: Partial<Record<TrashKind, { table: string; column: string; label: string }[]>> = {
  contact: [
    { table: 'deals', column: 'contact_id', label: 'deals' },
    { table: 'orders', column: 'contact_id', label: 'orders' },
    { table: 'activities', column: 'contact_id', label: 'activities' },
    { table: 'tasks', column: 'contact_id', label: 'tasks' },
  ],
  company: [
    { table: 'deals', column: 'company_id', label: 'deals' },
    { table: 'orders', column: 'company_id', label: 'orders' },
    { table: 'activities', column: 'company_id', label: 'activities' },
    { table: 'tasks', column: 'company_id', label: 'tasks' },
  ],
  deal: [
    { table: 'orders', column: 'deal_id', label: 'orders' },
    { table: 'activities', column: 'deal_id', label: 'activities' },
    { table: 'tasks', column: 'deal_id', label: 'tasks' },
  ],
  product: [{ table: 'order_lines', column: 'product_id', label: 'order lines' }],
};

/**
 * Deletes trashed records for good, in one transaction. Notes go with their contact or company, and
 * a purged company's contacts lose the link; anything else that still points at the record (deals,
 * orders, activities, tasks — even in the Trash) blocks the purge, so nothing is orphaned.
 */
export function purgeFromTrash(workspace: Workspace, items: { kind: TrashKind; id: number }[]): { purged: number } {
  return write(workspace, (writer) => {
    const { sqlite } = writer;
    for (const item of items) {
      const { table } = RECORD_KINDS[item.kind];
      const row = writer.read(table, item.id);
      if (!row || row.deletedAt === null) throw new RapportError('NOT_FOUND', `${item.kind} ${item.id} is not in the Trash; nothing was purged.`);
      const blocking = (BLOCKERS[item.kind] ?? [])
        .map((blocker) => ({ ...blocker, n: (sqlite.prepare(`SELECT count(*) AS n FROM ${blocker.table} WHERE ${blocker.column} = ?`).get(item.id) as { n: number }).n }))
        .filter((blocker) => blocker.n > 0);
      if (blocking.length) {
        const what = blocking.map((blocker) => `${blocker.n} ${blocker.label}`).join(', ');
        throw new RapportError('VALIDATION', `Still linked to ${what}; delete those for good first. Nothing was purged.`, {
          issues: [{ path: '', message: `Still linked to ${what}` }],
        });
      }
      if (item.kind === 'contact' || item.kind === 'company') {
        const noteColumn = item.kind === 'contact' ? 'contact_id' : 'company_id';
        for (const { id } of sqlite.prepare(`SELECT id FROM notes WHERE ${noteColumn} = ?`).all(item.id) as { id: number }[]) {
          sqlite.prepare('DELETE FROM notes WHERE id = ?').run(id);
          unindexRecord(sqlite, 'note', id);
          writer.audit('purge', notes, id, []);
          writer.change(notes, id, 'purge');
        }
      }
      if (item.kind === 'company') {
        for (const { id, version } of sqlite.prepare('SELECT id, version FROM contacts WHERE company_id = ?').all(item.id) as { id: number; version: number }[]) {
          const contact = writer.read(contacts, id)!;
          if (contact.deletedAt === null) writer.update(contacts, id, version, { companyId: null });
          else sqlite.prepare('UPDATE contacts SET company_id = NULL WHERE id = ?').run(id);
          reindexContact(sqlite, id);
        }
      }
      writer.purge(table, item.id);
      // With the row gone, reindexing drops it from search (a no-op for kinds search does not hold).
      RECORD_KINDS[item.kind].reindex(sqlite, item.id);
    }
    return { purged: items.length };
  });
}
