import type { ChangeFeed } from '../contract/system';
import { statement } from '../read/statements';
import type { Workspace } from '../workspace/open';

/** A range of the primary key: the cost follows the rows written since, not the feed's length. */
export const CHANGED_TABLES_SQL = 'SELECT DISTINCT table_name FROM changes WHERE seq > ? AND seq <= ?';

/**
 * The change feed for the UI: the tables written after `seq`, by anyone, this core included — every
 * tab or window keeps its own seq, and tabs of one browser host share this core's client id, so
 * "not my client" cannot tell them apart. Without a seq it only tells where the feed stands now.
 *
 * The common case (nothing new) is one max(seq) on the primary key. PRAGMA data_version is no
 * shortcut here: it moves only for other connections' commits, and this core's own writes count too.
 */
export function changesSince(workspace: Workspace, seq: number | undefined): ChangeFeed {
  const latest = (statement(workspace.sqlite, 'SELECT coalesce(max(seq), 0) AS seq FROM changes').get() as { seq: number }).seq;
  if (seq === undefined || seq >= latest) return { seq: latest, tables: [], changed: false };
  const rows = statement(workspace.sqlite, CHANGED_TABLES_SQL).all(seq, latest) as { table_name: string }[];
  return { seq: latest, tables: rows.map((row) => row.table_name), changed: rows.length > 0 };
}
