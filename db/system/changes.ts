import type { ChangeFeed } from '../contract/system';
import { statement } from '../read/statements';
import type { Workspace } from '../workspace/open';

const lastDataVersion = new WeakMap<Workspace, number>();

/**
 * The change feed for the UI: PRAGMA data_version moves only when another connection committed,
 * so the common case (nobody else wrote) costs one pragma; otherwise read `changes` after `seq`.
 */
export function changesSince(workspace: Workspace, seq: number): ChangeFeed {
  const dataVersion = workspace.sqlite.pragma('data_version', { simple: true }) as number;
  const previous = lastDataVersion.get(workspace);
  lastDataVersion.set(workspace, dataVersion);
  const latest = (statement(workspace.sqlite, 'SELECT coalesce(max(seq), 0) AS seq FROM changes').get() as { seq: number }).seq;
  if (previous === dataVersion && seq >= latest) return { seq: latest, tables: [], changed: false };
  const rows = statement(
    workspace.sqlite,
    'SELECT DISTINCT table_name FROM changes WHERE seq > ? AND client_id != ?',
  ).all(seq, workspace.clientId) as { table_name: string }[];
  return { seq: latest, tables: rows.map((row) => row.table_name), changed: rows.length > 0 };
}
