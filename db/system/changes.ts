import { and, gt, lte, sql } from 'drizzle-orm';
import type { ChangeFeed } from '../contract/system';
import type { Reads } from '../read/reads';
import type { Store } from '../workspace/store';
import { changes } from './schema';

/** The tables written after `seq` up to `latest`: a range of the primary key, so the cost follows the rows written since, not the feed's length. */
export function changedTablesQuery(reads: Reads, seq: number, latest: number) {
  return reads.db
    .selectDistinct({ tableName: changes.tableName })
    .from(changes)
    .where(and(gt(changes.seq, seq), lte(changes.seq, latest)));
}

/**
 * The change feed for the UI: the tables written after `seq`, by anyone, this core included — every
 * tab or window keeps its own seq, and tabs of one browser host share this core's client id, so
 * "not my client" cannot tell them apart. Without a seq it only tells where the feed stands now.
 *
 * The common case (nothing new) is one max(seq) on the primary key. PRAGMA data_version is no
 * shortcut here: it moves only for other connections' commits, and this core's own writes count too.
 */
export function changesSince(store: Store, seq: number | undefined): ChangeFeed {
  const { reads } = store;
  const latest = reads.value<number>(sql`SELECT coalesce(max(${changes.seq}), 0) FROM ${changes}`) ?? 0;
  if (seq === undefined || seq >= latest) return { seq: latest, tables: [], changed: false };
  const tables = changedTablesQuery(reads, seq, latest)
    .all()
    .map((row) => row.tableName);
  return { seq: latest, tables, changed: tables.length > 0 };
}
