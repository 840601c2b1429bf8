import { RapportError, isBusyError, isShareIoError, shareUnavailableError } from '../errors';
import type { Workspace } from '../workspace/open';
import type { Store } from '../workspace/store';
import { RecordWriter } from './record-writer';

const MAX_ATTEMPTS = 4;

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface WriteOutcome<T> {
  result: T;
  /** The tables the committed transaction wrote change rows for (deduplicated, in first-touched order). */
  tables: string[];
}

/**
 * The one write path (DESIGN §4). `work` runs inside a short BEGIN IMMEDIATE transaction and must
 * do nothing but database work: on a lock timeout the whole transaction is rolled back and retried,
 * a bounded number of times, then BUSY is thrown with nothing written.
 */
export function write<T>(store: Store, work: (writer: RecordWriter) => T): T {
  return writeReportingTables(store, work).result;
}

/** `write()`, also reporting which tables it touched: what the change feed will show for this write. */
export function writeReportingTables<T>(store: Store, work: (writer: RecordWriter) => T): WriteOutcome<T> {
  // Every Store is an open Workspace; only the write path takes its connection.
  const workspace = store as Workspace;
  const { sqlite } = workspace;
  if (sqlite.inTransaction) throw new RapportError('INTERNAL', 'Nested write transactions are not allowed.');
  refuseWhileShareUnsafe(workspace);
  // On a share, a stalled or dropped connection fails a transaction with an I/O error SQLite has
  // rolled back: as safe to retry as a lock timeout.
  const retryable = (error: unknown) => isBusyError(error) || (workspace.shared && isShareIoError(error));
  let lastError: unknown;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) pause(25 * 2 ** attempt + Math.random() * 50);
    try {
      sqlite.prepare('BEGIN IMMEDIATE').run();
    } catch (error) {
      if (retryable(error)) {
        lastError = error;
        continue;
      }
      throw error;
    }
    try {
      // A fresh writer per attempt: a rolled-back attempt's tables were never written.
      const writer = new RecordWriter(workspace, Date.now());
      const result = work(writer);
      sqlite.prepare('COMMIT').run();
      return { result, tables: [...writer.touchedTables] };
    } catch (error) {
      if (sqlite.inTransaction) rollBack(sqlite);
      if (retryable(error)) {
        lastError = error;
        continue;
      }
      throw error;
    }
  }
  if (!isBusyError(lastError)) throw shareUnavailableError(lastError);
  throw new RapportError(
    'BUSY',
    'The database stayed locked by another user. Nothing was saved; try again in a moment.',
    { cause: lastError },
  );
}

/** A shared file whose lock checks failed (share-guard.ts) takes no write from this client. */
function refuseWhileShareUnsafe(workspace: Workspace): void {
  const reason = workspace.shareGuard?.readOnly;
  if (!reason) return;
  throw new RapportError(
    'READ_ONLY',
    reason === 'locksDoNotReach'
      ? 'This shared folder’s file locks do not reach across PCs, so every PC is read-only to keep the database from damage. Nothing was saved.'
      : 'Another PC has taken this database for itself. Nothing was saved.',
  );
}

/** After an I/O error SQLite may already have rolled back; a failing ROLLBACK must not hide the first error. */
function rollBack(sqlite: Workspace['sqlite']): void {
  try {
    sqlite.prepare('ROLLBACK').run();
  } catch {
    // The transaction is gone either way.
  }
}
