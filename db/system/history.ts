import type { AuditEntry } from '../contract/system';
import { statement } from '../read/statements';
import type { Workspace } from '../workspace/open';

const TABLE_OF = { contact: 'contacts', company: 'companies' } as const;

/** A record's history, newest first: who changed which fields, from what to what. */
export function recordHistory(workspace: Workspace, input: { kind: 'contact' | 'company'; id: number; limit: number }): AuditEntry[] {
  const rows = statement(
    workspace.sqlite,
    `SELECT a.id, a.at, a.user_id, u.name AS user_name, a.action, a.table_name, a.row_id, a.changes, a.cause
     FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.table_name = ? AND a.row_id = ? ORDER BY a.id DESC LIMIT ?`,
  ).all(TABLE_OF[input.kind], input.id, input.limit) as {
    id: number;
    at: number;
    user_id: number | null;
    user_name: string | null;
    action: AuditEntry['action'] | 'purge';
    table_name: string;
    row_id: number;
    changes: string;
    cause: string | null;
  }[];
  return rows
    .filter((row): row is typeof row & { action: AuditEntry['action'] } => row.action !== 'purge')
    .map((row) => ({
      id: row.id,
      at: row.at,
      userId: row.user_id,
      userName: row.user_name,
      action: row.action,
      tableName: row.table_name,
      rowId: row.row_id,
      changes: JSON.parse(row.changes) as AuditEntry['changes'],
      cause: row.cause === null ? null : (JSON.parse(row.cause) as AuditEntry['cause']),
    }));
}
