import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { RapportError } from '../errors';
import { registerSearchRowid } from '../search/order';

export interface Migration {
  name: string;
  statements: string[];
}

/** Tags the file as a Rapport workspace ("RPRT"), so foreign SQLite files are refused. */
export const RAPPORT_APPLICATION_ID = 0x52505254;
export const MIGRATIONS_TABLE = '__rapport_migrations';

export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../migrations', import.meta.url));
}

/** Reads drizzle-kit's journal: the checked-in SQL files in their release order. */
export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const sql = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      const statements = sql
        .split('--> statement-breakpoint')
        .map((statement) => statement.trim())
        .filter((statement) => statement.replace(/--.*$/gm, '').trim().length > 0);
      return { name: entry.tag, statements };
    });
}

export function readAppliedMigrations(sqlite: Database.Database): string[] {
  const exists = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATIONS_TABLE);
  if (!exists) return [];
  return (sqlite.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`).all() as { name: string }[]).map(
    (row) => row.name,
  );
}

/** Applied migrations must be a prefix of the known files; anything else means another build wrote it. */
export function checkAppliedPrefix(applied: string[], known: Migration[]): void {
  const unknown = applied.find((name, index) => known[index]?.name !== name);
  if (applied.length > known.length || unknown !== undefined) {
    const newer = applied.some((name) => !known.some((migration) => migration.name === name));
    if (newer) {
      throw new RapportError(
        'SCHEMA_TOO_NEW',
        'This database was upgraded by a newer Rapport. Update Rapport on this PC to open it.',
      );
    }
    throw new RapportError('CORRUPT', 'The database migration history is out of order; Rapport will not change it.');
  }
}

export interface RunMigrationsOptions {
  /** Runs under the lock once pending migrations are confirmed, before the first is applied (the backup). */
  beforeApplying?: () => void;
}

/**
 * Applies pending migrations under one write lock, re-reading what is applied under it, so two
 * PCs opening the same file at once migrate it exactly once, and the pre-migration backup taken in
 * `beforeApplying` holds the state the migrations start from (never one another PC migrated).
 * BEGIN IMMEDIATE, not EXCLUSIVE: both keep every other writer (and so every other migrator) out,
 * and in WAL mode they are the same; in rollback-journal mode EXCLUSIVE would also shut out the
 * reader that writes the backup. The commit still takes the exclusive lock.
 * Returns the names it applied.
 */
export function runMigrations(sqlite: Database.Database, migrations: Migration[], options: RunMigrationsOptions = {}): string[] {
  // Not write(): it runs before the schema the writer audits into exists, and DDL is no record change.
  // A migration that rebuilds the search index computes its rowids with the core's own function.
  registerSearchRowid(sqlite);
  sqlite.prepare('BEGIN IMMEDIATE').run();
  try {
    const applied = readAppliedMigrations(sqlite);
    checkAppliedPrefix(applied, migrations);
    const pending = migrations.slice(applied.length);
    if (pending.length === 0) {
      sqlite.prepare('COMMIT').run();
      return [];
    }
    options.beforeApplying?.();
    sqlite
      .prepare(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at INTEGER NOT NULL)`,
      )
      .run();
    const record = sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)`);
    for (const migration of pending) {
      for (const statement of migration.statements) sqlite.prepare(statement).run();
      record.run(migration.name, Date.now());
    }
    sqlite.pragma(`application_id = ${RAPPORT_APPLICATION_ID}`);
    sqlite.pragma(`user_version = ${migrations.length}`);
    sqlite.prepare('COMMIT').run();
    return pending.map((migration) => migration.name);
  } catch (error) {
    if (sqlite.inTransaction) sqlite.prepare('ROLLBACK').run();
    throw error;
  }
}
