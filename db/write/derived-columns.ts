import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * Column roles, declared on the table definitions themselves (not in a global set):
 * - derived: computed from other columns (sort keys); stored, never audited, so history shows what
 *   a person changed;
 * - bookkeeping: machine state about a record (a task's "reminder shown" time); stored, never
 *   audited, and set alone through `RecordWriter.setBookkeeping` without a version bump, so an open
 *   edit form does not conflict because the machine touched the row.
 */
interface ColumnRoles {
  derived: ReadonlySet<string>;
  bookkeeping: ReadonlySet<string>;
}

const rolesByTable = new WeakMap<SQLiteTable, ColumnRoles>();

type ColumnName<T extends SQLiteTable> = keyof T['$inferSelect'] & string;

function declare<T extends SQLiteTable>(table: T, role: keyof ColumnRoles, columns: string[]): T {
  const roles = rolesByTable.get(table) ?? { derived: new Set<string>(), bookkeeping: new Set<string>() };
  rolesByTable.set(table, { ...roles, [role]: new Set([...roles[role], ...columns]) });
  return table;
}

export function withDerivedColumns<T extends SQLiteTable>(table: T, columns: ColumnName<T>[]): T {
  return declare(table, 'derived', columns);
}

export function withBookkeepingColumns<T extends SQLiteTable>(table: T, columns: ColumnName<T>[]): T {
  return declare(table, 'bookkeeping', columns);
}

export function isDerivedColumn(table: SQLiteTable, field: string): boolean {
  return rolesByTable.get(table)?.derived.has(field) ?? false;
}

export function isBookkeepingColumn(table: SQLiteTable, field: string): boolean {
  return rolesByTable.get(table)?.bookkeeping.has(field) ?? false;
}

/** Columns the audit leaves out: what the machine keeps, not what a person changed. */
export function isUnauditedColumn(table: SQLiteTable, field: string): boolean {
  return isDerivedColumn(table, field) || isBookkeepingColumn(table, field);
}
