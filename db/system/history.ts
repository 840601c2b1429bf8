import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AuditEntry } from '../contract/system';
import type { RecordKind } from '../contract/record-kinds';
import type { Reads } from '../read/reads';
import { isOwnedTable, linkedName, privateOwnerOf } from '../read/visibility';
import type { Store } from '../workspace/store';
import { definitionOf, tableNameOf } from './registry';
import { auditLog, users } from './schema';

/** A record's audit entries, newest first, through the (table, row, id) index. */
export function historyQuery(reads: Reads, input: { kind: RecordKind; id: number; limit: number }) {
  return reads.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.name,
      client: auditLog.client,
      action: auditLog.action,
      tableName: auditLog.tableName,
      rowId: auditLog.rowId,
      changes: auditLog.changes,
      cause: auditLog.cause,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.tableName, tableNameOf(input.kind)), eq(auditLog.rowId, input.id)))
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
}

/** A record's history, newest first: who changed which fields, from what to what, and at which PC. */
export function recordHistory(store: Store, input: { kind: RecordKind; id: number; limit: number }): AuditEntry[] {
  return historyQuery(store.reads, input)
    .all()
    .filter((row): row is typeof row & { action: AuditEntry['action'] } => row.action !== 'purge')
    .map((row) => ({
      ...row,
      changes: withLinkTitles(store.reads, input.kind, JSON.parse(row.changes) as AuditEntry['changes']),
      cause: row.cause === null ? null : (JSON.parse(row.cause) as AuditEntry['cause']),
    }));
}

/**
 * A change of a link (a deal's stage, a contact's company) names the record linked before and
 * after, as it is titled now, so history reads "Stage: Lead → Won" rather than two ids.
 */
function withLinkTitles(reads: Reads, kind: RecordKind, changes: AuditEntry['changes']): AuditEntry['changes'] {
  const definition = definitionOf(kind);
  const columns = getTableColumns(definition.table);
  const linkByField = new Map(
    definition.links.filter((link) => !link.table).flatMap((link) => {
      const field = Object.entries(columns).find(([, column]) => column.name === link.column)?.[0];
      return field ? [[field, link.to] as const] : [];
    }),
  );
  // Null for a colleague's private record: history says "Private" rather than its name.
  const titleOf = (target: RecordKind, id: unknown): string | null | undefined => {
    if (typeof id !== 'number') return undefined;
    const { table, title } = definitionOf(target);
    const privateOwner = isOwnedTable(table) ? privateOwnerOf(table) : sql`NULL`;
    const row = reads.get<{ title: string | null; privateOwner: number | null }>(
      sql`SELECT ${title} AS title, ${privateOwner} AS privateOwner FROM ${table} WHERE ${table.id} = ${id}`,
    );
    return row ? linkedName(row.title, row.privateOwner, reads.viewer) : undefined;
  };

  return changes.map((change) => {
    const target = linkByField.get(change.field);
    if (!target) return change;
    return { ...change, linkKind: target, beforeTitle: titleOf(target, change.before), afterTitle: titleOf(target, change.after) };
  });
}
