import type Database from 'better-sqlite3';
import { getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SEARCH_KINDS, searchCode } from '../contract/record-kinds';
import { companies, contacts, notes } from '../people/schema';
import { deals } from '../sales/schema';
import { statement } from '../read/statements';
import { searchOrderBucket, searchRowid, type IndexedKind } from './text';

/**
 * The order each kind's index entries are kept in (the rowid's bucket): the key its list sorts by
 * first by default, or, for notes, the time the palette ranks them by (newest first, read backwards).
 * Lists sorted by this key with the record id as the tie-breaker read their search matches in order.
 */
export const SEARCH_ORDER: Record<IndexedKind, { table: SQLiteTable; key: SQLiteColumn }> = {
  contact: { table: contacts, key: contacts.sortName },
  company: { table: companies, key: companies.sortName },
  deal: { table: deals, key: deals.sortTitle },
  note: { table: notes, key: notes.createdAt },
};

/** The record's current order key, read in the write that indexes it (after the record's own change). */
export function searchOrderKey(sqlite: Database.Database, kind: IndexedKind, id: number): string | number | null {
  const { table, key } = SEARCH_ORDER[kind];
  const text = `SELECT "${key.name}" FROM "${getTableName(table)}" WHERE id = ?`;
  return (statement(sqlite, text).pluck().get(id) as string | number | null | undefined) ?? null;
}

export const SEARCH_ROWID_FUNCTION = 'rapport_search_rowid';

/**
 * `rapport_search_rowid(code, key, id)`: the rowid a record's entry gets, for SQL that rebuilds the
 * index (the migration that introduced the ordered rowids). Registered on every connection that migrates.
 */
export function registerSearchRowid(sqlite: Database.Database): void {
  sqlite.function(SEARCH_ROWID_FUNCTION, { deterministic: true }, (code: unknown, key: unknown, id: unknown) => {
    const kind = SEARCH_KINDS.find((candidate) => searchCode(candidate) === Number(code));
    if (!kind) throw new Error(`Unknown search code ${String(code)}`);
    return searchRowid(kind, searchOrderBucket(key as string | number | null), Number(id));
  });
}
