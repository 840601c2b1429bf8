import type Database from 'better-sqlite3';
import { statement } from '../read/statements';
import { KIND_STRIDE, ftsPhrase, queryAlternatives, searchRowid, shortGrams, type IndexedKind } from './text';

/**
 * Keeps the FTS index in step with records. Called inside the write transaction that changed the
 * record, so the index is never out of date for committed data. Plumbing: area code reaches it
 * through `writer.index`/`writer.unindex`, never with a connection of its own.
 */
export function indexRecord(sqlite: Database.Database, kind: IndexedKind, id: number, parts: (string | null | undefined)[]): void {
  const rowid = searchRowid(kind, id);
  const text = parts.filter((part): part is string => Boolean(part)).join('\n');
  statement(sqlite, 'DELETE FROM search_trigram WHERE rowid = ?').run(rowid);
  statement(sqlite, 'DELETE FROM search_grams WHERE rowid = ?').run(rowid);
  if (!text) return;
  statement(sqlite, 'INSERT INTO search_trigram (rowid, text) VALUES (?, ?)').run(rowid, text);
  statement(sqlite, 'INSERT INTO search_grams (rowid, grams) VALUES (?, ?)').run(rowid, shortGrams(text));
}

export function unindexRecord(sqlite: Database.Database, kind: IndexedKind, id: number): void {
  const rowid = searchRowid(kind, id);
  statement(sqlite, 'DELETE FROM search_trigram WHERE rowid = ?').run(rowid);
  statement(sqlite, 'DELETE FROM search_grams WHERE rowid = ?').run(rowid);
}

/**
 * SQL (and its parameters) selecting the FTS rowids of records of `kind` that match every term of
 * `query`, or null when the query has no searchable terms. Composable as `id IN (...)`.
 * With `limit`, only the first matches in index order are taken: enough candidates to rank for a
 * palette, without materializing ninety thousand ids for a one-letter query.
 */
export function matchingIdsSql(
  kind: IndexedKind,
  query: string,
  options: { limit?: number } = {},
): { sql: string; params: (string | number)[] } | null {
  const alternatives = queryAlternatives(query);
  if (alternatives.length === 0) return null;
  const low = searchRowid(kind, 0);
  const high = low + KIND_STRIDE;
  const params: (string | number)[] = [];
  const matches = alternatives.map((terms) => {
    const selects: string[] = [];
    if (terms.long.length) {
      selects.push('SELECT rowid FROM search_trigram WHERE search_trigram MATCH ? AND rowid > ? AND rowid < ?');
      params.push(terms.long.map(ftsPhrase).join(' AND '), low, high);
    }
    if (terms.short.length) {
      selects.push('SELECT rowid FROM search_grams WHERE search_grams MATCH ? AND rowid > ? AND rowid < ?');
      params.push(terms.short.map(ftsPhrase).join(' AND '), low, high);
    }
    return selects.join(' INTERSECT ');
  });
  const limit = options.limit ? ` LIMIT ${Math.floor(options.limit)}` : '';
  return { sql: `SELECT rowid - ${low} FROM (${matches.join(' UNION ')})${limit}`, params };
}
