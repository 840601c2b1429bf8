import type Database from 'better-sqlite3';
import { statement } from '../read/statements';
import { searchOrderKey } from './order';
import { ID_MASK, bucketRange, ftsPhrase, queryAlternatives, searchEntry, searchOrderBucket, searchRowid, shortGrams, type IndexedKind } from './text';

/** The record's current FTS rowid (a BigInt), or undefined when it has no entry. */
function currentRowid(sqlite: Database.Database, kind: IndexedKind, id: number): bigint | undefined {
  return statement(sqlite, 'SELECT at FROM search_entries WHERE entry = ?').pluck().safeIntegers(true).get(searchEntry(kind, id)) as bigint | undefined;
}

/**
 * Keeps the FTS index in step with records. Called inside the write transaction that changed the
 * record, so the index is never out of date for committed data. Plumbing: area code reaches it
 * through `writer.index`/`writer.unindex`, never with a connection of its own. The entry's rowid
 * follows the record's order key (read here, after the record's own change), so a rename moves it.
 */
export function indexRecord(sqlite: Database.Database, kind: IndexedKind, id: number, parts: (string | null | undefined)[]): void {
  unindexRecord(sqlite, kind, id);
  const text = parts.filter((part): part is string => Boolean(part)).join('\n');
  if (!text) return;
  const rowid = searchRowid(kind, searchOrderBucket(searchOrderKey(sqlite, kind, id)), id);
  statement(sqlite, 'INSERT INTO search_trigram (rowid, text) VALUES (?, ?)').run(rowid, text);
  statement(sqlite, 'INSERT INTO search_grams (rowid, grams) VALUES (?, ?)').run(rowid, shortGrams(text));
  statement(sqlite, 'INSERT INTO search_entries (entry, at) VALUES (?, ?)').run(searchEntry(kind, id), rowid);
}

/**
 * Indexes many new records at once (a bulk seed into an empty index): entries are staged and inserted
 * in rowid order at `finish`. FTS5 starts a new segment whenever a rowid is below the last one written,
 * and rowids follow the index order, not the ids, so inserting as the records come costs 7x.
 */
export function bulkIndexer(sqlite: Database.Database): { add(kind: IndexedKind, id: number, parts: (string | null | undefined)[]): void; finish(): void } {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS search_staged (at INTEGER PRIMARY KEY, entry INTEGER NOT NULL, text TEXT NOT NULL, grams TEXT NOT NULL)');
  const stage = sqlite.prepare('INSERT INTO temp.search_staged (at, entry, text, grams) VALUES (?, ?, ?, ?)');
  return {
    add(kind, id, parts) {
      const text = parts.filter((part): part is string => Boolean(part)).join('\n');
      if (!text) return;
      stage.run(searchRowid(kind, searchOrderBucket(searchOrderKey(sqlite, kind, id)), id), searchEntry(kind, id), text, shortGrams(text));
    },
    finish() {
      sqlite.exec(`INSERT INTO search_trigram (rowid, text) SELECT at, text FROM temp.search_staged ORDER BY at;
        INSERT INTO search_grams (rowid, grams) SELECT at, grams FROM temp.search_staged ORDER BY at;
        INSERT INTO search_entries (entry, at) SELECT entry, at FROM temp.search_staged;
        DROP TABLE temp.search_staged;`);
    },
  };
}

export function unindexRecord(sqlite: Database.Database, kind: IndexedKind, id: number): void {
  const rowid = currentRowid(sqlite, kind, id);
  if (rowid === undefined) return;
  statement(sqlite, 'DELETE FROM search_trigram WHERE rowid = ?').run(rowid);
  statement(sqlite, 'DELETE FROM search_grams WHERE rowid = ?').run(rowid);
  statement(sqlite, 'DELETE FROM search_entries WHERE entry = ?').run(searchEntry(kind, id));
}

/**
 * SQL (and its parameters) selecting the ids of records of `kind` that match every term of
 * `query`, or null when the query has no searchable terms. Composable as `id IN (...)`.
 * With `limit`, only the first matches in index order are taken.
 */
export function matchingIdsSql(
  kind: IndexedKind,
  query: string,
  options: { limit?: number } = {},
): { sql: string; params: (string | number | bigint)[] } | null {
  const alternatives = queryAlternatives(query);
  if (alternatives.length === 0) return null;
  const [low, high] = bucketRange(kind);
  const params: (string | number | bigint)[] = [];
  const matches = alternatives.map((terms) => {
    const selects: string[] = [];
    if (terms.long.length) {
      selects.push('SELECT rowid FROM search_trigram WHERE search_trigram MATCH ? AND rowid >= ? AND rowid <= ?');
      params.push(terms.long.map(ftsPhrase).join(' AND '), low, high);
    }
    if (terms.short.length) {
      selects.push('SELECT rowid FROM search_grams WHERE search_grams MATCH ? AND rowid >= ? AND rowid <= ?');
      params.push(terms.short.map(ftsPhrase).join(' AND '), low, high);
    }
    return selects.join(' INTERSECT ');
  });
  const limit = options.limit ? ` LIMIT ${Math.floor(options.limit)}` : '';
  return { sql: `SELECT rowid & ${ID_MASK} FROM (${matches.join(' UNION ')})${limit}`, params };
}
