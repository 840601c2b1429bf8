import { validation } from '../errors';

/**
 * Keyset pagination: the cursor carries the sort key values of the last row shown, so the next page
 * is an index range scan instead of an OFFSET that reads and discards every earlier row.
 */
export type KeyValue = string | number | null;

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

/** `(a, b, id) > (?, ?, ?)` for ascending, `<` for descending (every key sorts the same way). */
export function keysetCondition(columns: string[], direction: 'asc' | 'desc'): string {
  return `(${columns.join(', ')}) ${direction === 'asc' ? '>' : '<'} (${columns.map(() => '?').join(', ')})`;
}

/**
 * A stage-like enum as its position in `values` (lead → prospect → customer…), so a list sorts it in
 * its natural order rather than alphabetically. The same text makes the expression index that serves
 * the sort (SQLite matches an index expression by its structure, so `c.lifecycle` uses an index on
 * `lifecycle`).
 */
export function rankSql(column: string, values: readonly string[]): string {
  return `(CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} ELSE ${values.length} END)`;
}

export function rankOf(value: string, values: readonly string[]): number {
  const index = values.indexOf(value);
  return index < 0 ? values.length : index;
}

export function orderBy(columns: string[], direction: 'asc' | 'desc'): string {
  return columns.map((column) => `${column} ${direction.toUpperCase()}`).join(', ');
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
