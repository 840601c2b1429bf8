import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TrashKind } from '../contract/record-kinds';
import type { TrashEntry, trashList } from '../contract/system';
import { decodeCursor, encodeCursor } from '../read/keyset';
import type { Reads } from '../read/reads';
import { SYSTEM_VIEWER, type Viewer } from '../read/viewer';
import { TRASH_KINDS } from '../contract/record-kinds';
import { restoreRecord } from './record-removal';
import { definitionOf, incomingLinks, linkedCount, linkedIds, reindexAny, trashSource } from './registry';
import { users } from './schema';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { RapportError } from '../errors';

type TrashQuery = z.output<typeof trashList>;

const TRASH_SOURCE = trashSource(TRASH_KINDS);

/** One page of the Trash, most recently deleted first (the query the plan test explains). */
export function trashPageQuery(query: TrashQuery, viewer: Viewer = SYSTEM_VIEWER) {
  const conditions = [];
  if (query.kind) conditions.push(sql`t.kind = ${query.kind}`);
  if (query.cursor) {
    const [deletedAt, kind, id] = decodeCursor(query.cursor, 3) as [number, string, number];
    conditions.push(sql`(t.deleted_at, t.kind, t.id) < (${deletedAt}, ${kind}, ${id})`);
  }
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  return sql<{ kind: TrashKind; id: number; title: string; deletedAt: number; deletedByName: string | null }>`
    SELECT t.kind AS kind, t.id AS id, t.title AS title, t.deleted_at AS deletedAt, ${users.name} AS deletedByName FROM (${viewer.seesPrivate ? TRASH_SOURCE : trashSource(TRASH_KINDS, viewer)}) t
    LEFT JOIN ${users} ON ${users.id} = t.updated_by
    ${where}
    ORDER BY t.deleted_at DESC, t.kind DESC, t.id DESC LIMIT ${query.limit + 1}`;
}

/** Everything soft-deleted, most recently deleted first. */
export function listTrash(store: Store, query: TrashQuery): { rows: TrashEntry[]; nextCursor: string | null } {
  const rows = store.reads.all(trashPageQuery(query, store.reads.viewer));
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: hasMore && last ? encodeCursor([last.deletedAt, last.kind, last.id]) : null,
  };
}

export function restoreFromTrash(store: Store, item: { kind: TrashKind; id: number }): void {
  restoreRecord(store, item.kind, item.id);
}

/**
 * Deletes trashed records for good, in one transaction. What else points at a record decides
 * (see each kind's `links`): rows that go with it (a contact's notes) are purged too, rows that
 * merely refer to it (a company's contacts) lose the link, audited like any change, and anything
 * that would be orphaned (deals, orders, activities, tasks — even in the Trash) blocks the purge.
 */
export function purgeFromTrash(store: Store, items: { kind: TrashKind; id: number }[]): { purged: number } {
  return write(store, (writer) => {
    const reads: Reads = writer.reads;
    for (const item of items) {
      const { table } = definitionOf(item.kind);
      const row = writer.read(table, item.id);
      if (!row || row.deletedAt === null) throw new RapportError('NOT_FOUND', `${item.kind} ${item.id} is not in the Trash; nothing was purged.`);
      const links = incomingLinks(item.kind);
      const blocking = links
        .filter((link) => link.onPurge === 'block')
        .map((link) => ({ label: link.label, n: linkedCount(reads, link, item.id) }))
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
        for (const id of linkedIds(reads, link, item.id)) {
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
