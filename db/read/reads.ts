import type Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { RapportError } from '../errors';
import * as schema from '../schema';
import { SYSTEM_VIEWER, type Viewer } from './viewer';

/**
 * Drizzle's query builder, for selects only: area code reads through this and writes through the
 * writer (DESIGN §4), so `insert`/`update`/`delete` are not there to call.
 */
export type ReadDb = Pick<BetterSQLite3Database<typeof schema>, 'select' | 'selectDistinct' | '$count' | 'query'>;

/** A value the `sql` template binds as a parameter. */
export type Param = string | number | bigint | null | Buffer;

/**
 * What area code reads the database through. Two ways, both checked by the compiler:
 * - `db`: Drizzle's select builder, rows inferred from the schema (the default);
 * - `all`/`get`/`value`/`values`: Drizzle's `sql` template for what the builder cannot say (FTS
 *   MATCH, json_each, window functions), with columns written as `${table.column}` so a renamed
 *   column fails the typecheck, and the row type given as `sql<Row>`.
 * Statements are prepared once per connection, and a statement that would write is refused.
 */
export interface Reads {
  readonly db: ReadDb;
  /** Who the reads are for: lists, search and timelines leave out the private records this viewer may not see. */
  readonly viewer: Viewer;
  all<Row>(query: SQL<Row> | SQL): Row[];
  get<Row>(query: SQL<Row> | SQL): Row | undefined;
  /** The first column of the first row. */
  value<Value>(query: SQL<Value> | SQL): Value | undefined;
  /** The first column of every row. */
  values<Value>(query: SQL<Value> | SQL): Value[];
}

const dialect = new SQLiteSyncDialect();

/** Renders a `sql` template to SQLite text and its parameters (what the plan tests explain). */
export function renderSql(query: SQL): { sql: string; params: Param[] } {
  const rendered = dialect.sqlToQuery(query);
  return { sql: rendered.sql, params: rendered.params as Param[] };
}

/**
 * A fixed fragment rendered to text once: its columns are still written as `${table.column}` (so the
 * compiler checks them), but a hot path (a list's columns and sort keys, the board's 600 cards, a
 * deal page, a timeline) does not pay Drizzle's rendering, tens of µs a column, on every call. A
 * fragment with parameters cannot be, and is kept as it is.
 */
export function prerendered(fragment: SQL): SQL {
  const { sql: text, params } = renderSql(fragment);
  return params.length === 0 ? sql.raw(text) : fragment;
}

/**
 * The connection's statement cache that `Reads` and its Drizzle builder share. Each use resets the
 * statement's result mode, since Drizzle toggles `raw()` on the statements it is handed.
 */
class ReaderStatements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  prepare(text: string): Database.Statement {
    let prepared = this.cache.get(text);
    if (!prepared) {
      prepared = this.sqlite.prepare(text);
      if (!prepared.reader) throw new RapportError('INTERNAL', 'The read interface runs only statements that read.');
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(text, prepared);
    }
    return prepared.raw(false);
  }
}

const readsByConnection = new WeakMap<Database.Database, Reads>();
const connectionByReads = new WeakMap<Reads, Database.Database>();
/** A viewer's reads and the connection's own (the system's), whose statements and built queries they share. */
const connectionReads = new WeakMap<Reads, Reads>();

function connectionReadsOf(reads: Reads): Reads {
  return connectionReads.get(reads) ?? reads;
}

/**
 * The connection behind a read interface, for the core's own plumbing (db/read, db/search, db/write).
 * Area code may not call it (eslint): it reads through `Reads` and writes through the writer.
 */
export function connectionOf(reads: Reads): Database.Database {
  const sqlite = connectionByReads.get(connectionReadsOf(reads));
  if (!sqlite) throw new RapportError('INTERNAL', 'This read interface has no connection.');
  return sqlite;
}

/** The read interface of a connection (one per connection, so its statements are prepared once). */
export function readsOf(sqlite: Database.Database): Reads {
  let reads = readsByConnection.get(sqlite);
  if (reads) return reads;
  const statements = new ReaderStatements(sqlite);
  // Drizzle only ever calls `prepare` on its client for selects; anything else is not a reader and is refused there.
  const client = { prepare: (text: string) => statements.prepare(text) } as unknown as Database.Database;
  const run = (query: SQL) => {
    const { sql, params } = renderSql(query);
    return { statement: statements.prepare(sql), params };
  };
  reads = {
    db: drizzle({ client, schema }),
    viewer: SYSTEM_VIEWER,
    all: <Row>(query: SQL) => {
      const { statement, params } = run(query);
      return statement.all(...params) as Row[];
    },
    get: <Row>(query: SQL) => {
      const { statement, params } = run(query);
      return statement.get(...params) as Row | undefined;
    },
    value: <Value>(query: SQL) => {
      const { statement, params } = run(query);
      const row = statement.raw(true).get(...params) as unknown[] | undefined;
      return row?.[0] as Value | undefined;
    },
    values: <Value>(query: SQL) => {
      const { statement, params } = run(query);
      return (statement.raw(true).all(...params) as unknown[][]).map((row) => row[0] as Value);
    },
  };
  readsByConnection.set(sqlite, reads);
  connectionByReads.set(reads, sqlite);
  return reads;
}

/** The same connection's reads, for `viewer` (a signed-in staff member). */
export function readsFor(reads: Reads, viewer: Viewer): Reads {
  const own = connectionReadsOf(reads);
  const viewed: Reads = Object.freeze({ ...own, viewer });
  connectionReads.set(viewed, own);
  return viewed;
}

/**
 * `build(reads)` made once per connection and kept. For a hot path's builder queries, prepared with
 * `sql.placeholder`s: Drizzle then renders their SQL once, not on every call.
 */
export function oncePerConnection<T>(build: (reads: Reads) => T): (reads: Reads) => T {
  const built = new WeakMap<Reads, T>();
  return (reads) => {
    // Built on the connection's own reads, shared by every viewer: what it builds must not depend on who reads.
    const own = connectionReadsOf(reads);
    let value = built.get(own);
    if (value === undefined) {
      value = build(own);
      built.set(own, value);
    }
    return value;
  };
}
