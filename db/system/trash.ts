import type { z } from 'zod';
import type { TrashKind } from '../contract/record-kinds';
import type { TrashEntry, trashList } from '../contract/system';
import { decodeCursor, encodeCursor } from '../read/keyset';
import { statement } from '../read/statements';
import { TRASH_KINDS } from '../contract/record-kinds';
import { restoreRecord } from './record-removal';
import { definitionOf, incomingLinks, reindexAny, trashSourceSql } from './registry';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { RapportError } from '../errors';

type TrashQuery = z.output<typeof trashList>;

const TRASH_SQL = trashSourceSql(TRASH_KINDS);

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
 * Deletes trashed records for good, in one transaction. What else points at a record decides
 * (see each kind's `links`): rows that go with it (a contact's notes) are purged too, rows that
 * merely refer to it (a company's contacts) lose the link, audited like any change, and anything
 * that would be orphaned (deals, orders, activities, tasks — even in the Trash) blocks the purge.
 */
export function purgeFromTrash(workspace: Workspace, items: { kind: TrashKind; id: number }[]): { purged: number } {
  return write(workspace, (writer) => {
    const { sqlite } = writer;
    for (const item of items) {
      const { table } = definitionOf(item.kind);
      const row = writer.read(table, item.id);
      if (!row || row.deletedAt === null) throw new RapportError('NOT_FOUND', `${item.kind} ${item.id} is not in the Trash; nothing was purged.`);
      const links = incomingLinks(item.kind);
      const blocking = links
        .filter((link) => link.onPurge === 'block')
        .map((link) => ({ label: link.label, n: (statement(sqlite, `SELECT count(*) AS n FROM ${link.table} WHERE ${link.column} = ?`).get(item.id) as { n: number }).n }))
        .filter((blocker) => blocker.n > 0);
      if (blocking.length) {
        const what = blocking.map((blocker) => `${blocker.n} ${blocker.label}`).join(', ');
        throw new RapportError('VALIDATION', `Still linked to ${what}; delete those for good first. Nothing was purged.`, {
          issues: [{ path: '', message: `Still linked to ${what}` }],
        });
      }
      for (const link of links) {
        if (link.onPurge === 'block') continue;
        const from = definitionOf(link.from);
        const ids = (statement(sqlite, `SELECT id FROM ${link.table} WHERE ${link.column} = ?`).all(item.id) as { id: number }[]).map((r) => r.id);
        for (const id of ids) {
          if (link.onPurge === 'cascade') writer.purgeWithParent(from.table, id);
          else writer.clearLink(from.table, id, link.column);
          reindexAny(writer, link.from, id);
        }
      }
      writer.purge(table, item.id);
      // With the row gone, reindexing drops it from search (a no-op for kinds search does not hold).
      reindexAny(writer, item.kind, item.id);
    }
    return { purged: items.length };
  });
}
