import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { prerendered } from './reads';
import { validation } from '../errors';

/**
 * Keyset pagination: the cursor carries the sort key values of the last row shown, so the next page
 * is an index range scan instead of an OFFSET that reads and discards every earlier row.
 */
export type KeyValue = string | number | null;

/** One sort key of a list: a column (of the list's aliased table) or an expression over its columns. */
export type SortKey = SQLiteColumn | SQL;

export function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): KeyValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((value) => value === null || typeof value === 'string' || typeof value === 'number')
    ) {
      return values as KeyValue[];
    }
  } catch {
    // fall through to the validation error
  }
  throw validation('cursor', 'The page cursor is not valid; start from the first page.');
}

const joined = (parts: SQL[]) => sql.join(parts, sql`, `);


/** Per list's sort keys (fixed arrays), their rendered list and ORDER BY clauses. */
const renderedKeys = new WeakMap<SortKey[], { list: SQL; asc?: SQL; desc?: SQL }>();

function keysOf(keys: SortKey[]): { list: SQL; asc?: SQL; desc?: SQL } {
  let rendered = renderedKeys.get(keys);
  if (!rendered) {
    rendered = { list: prerendered(joined(keys.map((key) => sql`${key}`))) };
    renderedKeys.set(keys, rendered);
  }
  return rendered;
}

/** `(a, b, id) > (?, ?, ?)` for ascending, `<` for descending, over SQL text (lists not yet on typed keys). */
export function keysetCondition(columns: string[], direction: 'asc' | 'desc'): string {
  return `(${columns.join(', ')}) ${direction === 'asc' ? '>' : '<'} (${columns.map(() => '?').join(', ')})`;
}

/** Rows after `values` in the sort order (`>` ascending, `<` descending: every key sorts the same way); `orEqual` includes them. */
export function keysAfter(keys: SortKey[], direction: 'asc' | 'desc', values: KeyValue[], options: { orEqual?: boolean } = {}): SQL {
  const operator = (direction === 'asc' ? '>' : '<') + (options.orEqual ? '=' : '');
  return sql`(${keysOf(keys).list}) ${sql.raw(operator)} (${joined(values.map((value) => sql`${value}`))})`;
}

/** Rows up to and including `values` in the sort order. */
export function keysUpTo(keys: SortKey[], direction: 'asc' | 'desc', values: KeyValue[]): SQL {
  return keysAfter(keys, direction === 'asc' ? 'desc' : 'asc', values, { orEqual: true });
}

function rankCases(values: readonly string[]): string {
  return `${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} ELSE ${values.length} END`;
}

/**
 * A stage-like enum as its position in `values` (lead → prospect → customer…), so a list sorts it in
 * its natural order rather than alphabetically. The same text makes the expression index that serves
 * the sort (SQLite matches an index expression by its structure, so `c.lifecycle` uses an index on
 * `lifecycle`); `rankKey` is the list's sort key over a column, with the values as literals as the index has them.
 */
export function rankSql(column: string, values: readonly string[]): string {
  return `(CASE ${column} ${rankCases(values)})`;
}

export function rankKey(column: SQLiteColumn, values: readonly string[]): SQL<number> {
  return sql<number>`(CASE ${column} ${sql.raw(rankCases(values))})`;
}

export function rankOf(value: string, values: readonly string[]): number {
  const index = values.indexOf(value);
  return index < 0 ? values.length : index;
}

export function orderByKeys(keys: SortKey[], direction: 'asc' | 'desc'): SQL {
  const rendered = keysOf(keys);
  return (rendered[direction] ??= prerendered(joined(keys.map((key) => sql`${key} ${sql.raw(direction.toUpperCase())}`))));
}

/**
 * Splits the `limit + 1` rows a page query fetched into the page and the cursor for the next one
 * (the extra row only says that there is more).
 */
export function pageOf<Row>(rows: Row[], limit: number, keyOf: (row: Row) => KeyValue[]): { pageRows: Row[]; nextCursor: string | null } {
  const pageRows = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { pageRows, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
