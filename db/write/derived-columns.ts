import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

const derivedByTable = new WeakMap<SQLiteTable, ReadonlySet<string>>();

/**
 * Declares columns computed from others (sort keys) on the table definition itself: the writer
 * stores them but keeps them out of the audit, so history shows what a person changed.
 */
export function withDerivedColumns<T extends SQLiteTable>(table: T, columns: (keyof T['$inferSelect'] & string)[]): T {
  derivedByTable.set(table, new Set(columns));
  return table;
}

export function isDerivedColumn(table: SQLiteTable, field: string): boolean {
  return derivedByTable.get(table)?.has(field) ?? false;
}
