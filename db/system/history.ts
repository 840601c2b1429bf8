import type { AuditEntry } from '../contract/system';
import { statement } from '../read/statements';
import type { RecordKind } from '../contract/record-kinds';
import { getTableColumns } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Workspace } from '../workspace/open';
import { definitionOf, tableNameOf } from './registry';

/** A record's history, newest first: who changed which fields, from what to what. */
export function recordHistory(workspace: Workspace, input: { kind: RecordKind; id: number; limit: number }): AuditEntry[] {
  const rows = statement(
    workspace.sqlite,
    `SELECT a.id, a.at, a.user_id, u.name AS user_name, a.action, a.table_name, a.row_id, a.changes, a.cause
     FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.table_name = ? AND a.row_id = ? ORDER BY a.id DESC LIMIT ?`,
  ).all(tableNameOf(input.kind), input.id, input.limit) as {
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
      changes: withLinkTitles(workspace.sqlite, input.kind, JSON.parse(row.changes) as AuditEntry['changes']),
      cause: row.cause === null ? null : (JSON.parse(row.cause) as AuditEntry['cause']),
    }));
}

/**
 * A change of a link (a deal's stage, a contact's company) names the record linked before and
 * after, as it is titled now, so history reads "Stage: Lead → Won" rather than two ids.
 */
function withLinkTitles(sqlite: Database.Database, kind: RecordKind, changes: AuditEntry['changes']): AuditEntry['changes'] {
  const definition = definitionOf(kind);
  const columns = getTableColumns(definition.table);
  const linkByField = new Map(
    definition.links.filter((link) => !link.table).flatMap((link) => {
      const field = Object.entries(columns).find(([, column]) => column.name === link.column)?.[0];
      return field ? [[field, link.to] as const] : [];
    }),
  );
  const titleOf = (target: RecordKind, id: unknown): string | undefined => {
    if (typeof id !== 'number') return undefined;
    const row = statement(sqlite, `SELECT ${definitionOf(target).titleSql} AS title FROM ${tableNameOf(target)} WHERE id = ?`).get(id) as { title: string } | undefined;
    return row?.title;
  };
  return changes.map((change) => {
    const target = linkByField.get(change.field);
    if (!target) return change;
    return { ...change, linkKind: target, beforeTitle: titleOf(target, change.before), afterTitle: titleOf(target, change.after) };
  });
}
