import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { IntegrityInfo } from '../contract/system';
import { RapportError, corruptError, isCorruptError } from '../errors';

/**
 * quick_check costs about 10 ms per MB (13 s at 1.3 GB), and better-sqlite3 cannot interrupt a
 * running pragma, so the bound on open is a bound on the size: files up to this get the whole quick
 * check before the first screen; bigger ones get the header and schema checks now and the full
 * check from the background step right after opening. Nothing is skipped, only ordered.
 */
export const QUICK_CHECK_ON_OPEN_MAX_BYTES = 32 * 1024 * 1024;

/** What a check found; `problems` are SQLite's own lines (empty when the file is sound). */
interface CheckReport {
  ok: boolean;
  problems: string[];
}

/**
 * The checks run while opening, before anything is migrated or written. Throws CORRUPT.
 * Returns whether the quick check ran in full ('ok') or waits for the background step ('deferred').
 */
export function checkOnOpen(sqlite: Database.Database, file: string, maxQuickCheckBytes = QUICK_CHECK_ON_OPEN_MAX_BYTES): 'ok' | 'deferred' {
  const name = path.basename(file);
  const size = fs.statSync(file).size;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const pageCount = sqlite.pragma('page_count', { simple: true }) as number;
  const walSize = fileSize(`${file}-wal`);
  // A file cut short: the header promises more pages than the file (and its WAL) can hold.
  if (walSize === 0 && pageCount * pageSize > size) {
    throw new RapportError('CORRUPT', `${name} is shorter than its header says (it was cut off). Restore it from a backup.`);
  }
  // Reading every schema row parses the schema page chain and every CREATE statement.
  sqlite.prepare('SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema').all();
  if (size > maxQuickCheckBytes) return 'deferred';
  const report = linesToReport(sqlite.pragma('quick_check') as Record<string, string>[]);
  if (!report.ok) throw damaged(name, report);
  return 'ok';
}

/** The full integrity_check, on this connection; used before a backup is written. Throws CORRUPT. */
export function requireIntact(sqlite: Database.Database, fileName: string): void {
  let report: CheckReport;
  try {
    report = linesToReport(sqlite.pragma('integrity_check') as Record<string, string>[]);
  } catch (error) {
    if (isCorruptError(error)) throw corruptError(fileName, error);
    throw error;
  }
  if (!report.ok) throw damaged(fileName, report);
}

function damaged(fileName: string, report: CheckReport): RapportError {
  return new RapportError('CORRUPT', `${fileName} is damaged (${report.problems.join('; ').slice(0, 200)}). Restore it from a backup.`);
}

function linesToReport(rows: Record<string, string>[]): CheckReport {
  const lines = rows.map((row) => String(Object.values(row)[0]));
  const ok = lines.length === 1 && lines[0] === 'ok';
  return { ok, problems: ok ? [] : lines };
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Tracks this client's full integrity check: run in a worker thread on a read-only connection of
 * its own, so the core keeps answering while it runs. In WAL mode a reader never holds up a writer,
 * so the check is one `integrity_check`; in rollback-journal (shared) mode a reader holds off every
 * PC's commit, so it goes table by table, each in its own short read.
 */
export class IntegrityMonitor {
  private info: IntegrityInfo;
  private running: Promise<IntegrityInfo> | null = null;
  private damage: RapportError | null = null;

  constructor(
    private readonly file: string,
    private readonly chunked: boolean,
    quickCheck: 'ok' | 'deferred',
  ) {
    this.info = { quickCheckOnOpen: quickCheck, lastFullCheckAt: null, lastFullCheckOk: null, running: false };
  }

  get status(): IntegrityInfo {
    return { ...this.info, running: this.running !== null };
  }

  /** Set once a check found the file damaged: every later call is refused with it. */
  get refusal(): RapportError | null {
    return this.damage;
  }

  /** Whether the host's idle step should start a check now. */
  isDue(now: number, intervalMs: number): boolean {
    if (this.running || this.damage) return false;
    return this.info.lastFullCheckAt === null || now - this.info.lastFullCheckAt >= intervalMs;
  }

  /** Starts the full check (or joins the one running); resolves with the recorded result. */
  runFullCheck(): Promise<IntegrityInfo> {
    if (this.running) return this.running;
    this.running = runCheckInWorker(this.file, this.chunked)
      .then((outcome) => {
        if (outcome.kind === 'checked') {
          this.info = { ...this.info, lastFullCheckAt: Date.now(), lastFullCheckOk: outcome.report.ok };
          if (!outcome.report.ok) this.damage = damaged(path.basename(this.file), outcome.report);
        } else if (outcome.kind === 'corrupt') {
          this.info = { ...this.info, lastFullCheckAt: Date.now(), lastFullCheckOk: false };
          this.damage = corruptError(path.basename(this.file));
        }
        // 'unavailable' (the file was busy or closed): nothing is recorded, the next idle step retries.
        return this.status;
      })
      .finally(() => {
        this.running = null;
      })
      .then(() => this.status);
    return this.running;
  }
}

type WorkerOutcome = { kind: 'checked'; report: CheckReport } | { kind: 'corrupt' } | { kind: 'unavailable'; message: string };

function runCheckInWorker(file: string, chunked: boolean): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SCRIPT, { eval: true, workerData: { file, chunked, betterSqlite3: BETTER_SQLITE3 } });
    worker.unref();
    worker.once('message', (message: { lines?: string[]; errorCode?: string; errorMessage?: string }) => {
      if (message.lines) resolve({ kind: 'checked', report: linesToReport(message.lines.map((line) => ({ line }))) });
      else if (isCorruptError({ code: message.errorCode })) resolve({ kind: 'corrupt' });
      else resolve({ kind: 'unavailable', message: message.errorMessage ?? 'unknown' });
    });
    worker.once('error', (error) => resolve({ kind: 'unavailable', message: error.message }));
    worker.once('exit', () => resolve({ kind: 'unavailable', message: 'the check stopped' }));
  });
}

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

// Plain CommonJS, evaluated in the worker, so it runs the same from sources (tests) and bundles.
const WORKER_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  const lines = [];
  const collect = (rows) => { for (const row of rows) { const line = String(Object.values(row)[0]); if (line !== 'ok') lines.push(line); } };
  if (workerData.chunked) {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").pluck().all();
    for (const table of tables) collect(db.pragma('integrity_check(' + JSON.stringify(table) + ')'));
  } else {
    collect(db.pragma('integrity_check'));
  }
  parentPort.postMessage({ lines: lines.length === 0 ? ['ok'] : lines });
} catch (error) {
  parentPort.postMessage({ errorCode: String(error && error.code), errorMessage: String(error && error.message) });
} finally {
  if (db) db.close();
}
`;
