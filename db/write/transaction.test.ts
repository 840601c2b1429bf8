import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rapportError, tempCore } from '../test-support/temp-workspace';

describe('the write path', () => {
  it('gives up with BUSY after bounded retries while another process holds the lock, writing nothing', async () => {
    const { api, core, file } = tempCore({ busyTimeoutMs: 50 });
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const started = Date.now();
      const error = await rapportError(() => api.people.contacts.create({ name: 'Blocked' }));
      expect(error.code).toBe('BUSY');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect(core.workspace.sqlite.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 0 });
    // Once the lock is gone the same call goes through: retry is safe.
    expect((await api.people.contacts.create({ name: 'Blocked' })).version).toBe(1);
  });

  it('rolls back everything a failing write did, audit and change feed included', async () => {
    const { core } = tempCore();
    const { sqlite } = core.workspace;
    const counts = () => sqlite.prepare(`SELECT (SELECT count(*) FROM tags) AS tags, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM changes) AS feed`).get();
    const before = counts();
    const { write } = await import('./transaction');
    const { tags } = await import('../people/schema');
    expect(() =>
      write(core.workspace, (writer) => {
        writer.insert(tags, { name: 'half', color: null });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(counts()).toEqual(before);
  });

  it('reports the tables the committed write touched, as the change feed will show them', async () => {
    const { core } = tempCore();
    const { writeReportingTables } = await import('./transaction');
    const { tags, contacts } = await import('../people/schema');
    const seqBefore = (core.workspace.sqlite.prepare('SELECT max(seq) AS seq FROM changes').get() as { seq: number }).seq;
    const outcome = writeReportingTables(core.workspace, (writer) => {
      writer.insert(tags, { name: 'vip', color: null });
      writer.insert(tags, { name: 'new', color: null });
      return writer.insert(contacts, { name: 'Ann', sortName: 'ann' });
    });
    expect(outcome.tables).toEqual(['tags', 'contacts']);
    const feed = core.workspace.sqlite.prepare('SELECT DISTINCT table_name FROM changes WHERE seq > ? AND (row_id = ? OR table_name = ?)').all(seqBefore, outcome.result, 'tags');
    expect(feed.map((row: any) => row.table_name).sort()).toEqual([...outcome.tables].sort());
    expect(writeReportingTables(core.workspace, () => 'read only').tables).toEqual([]);
  });

  /** What SQLite throws when a share drops a request (here raised at the end of the work, after a real insert). */
  const shareDropped = () => Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_DELETE' });

  it('on a shared file, retries a transient I/O error of the share like BUSY: the retry commits once', async () => {
    const { core } = tempCore({ markShared: true });
    const { write } = await import('./transaction');
    const { tags } = await import('../people/schema');
    let attempts = 0;
    write(core.workspace, (writer) => {
      writer.insert(tags, { name: `try ${++attempts}`, color: null });
      if (attempts < 3) throw shareDropped();
    });
    expect(attempts).toBe(3);
    expect(core.workspace.sqlite.prepare('SELECT name FROM tags').pluck().all()).toEqual(['try 3']);
  });

  it('on a shared file, gives up with SHARE_UNAVAILABLE when the share keeps failing, with nothing written', async () => {
    const { core, api } = tempCore({ markShared: true });
    const { write } = await import('./transaction');
    const { tags } = await import('../people/schema');
    let attempts = 0;
    let failure: unknown;
    try {
      write(core.workspace, (writer) => {
        attempts++;
        writer.insert(tags, { name: 'never', color: null });
        throw shareDropped();
      });
    } catch (error) {
      failure = error;
    }
    expect((failure as { code?: string }).code).toBe('SHARE_UNAVAILABLE');
    expect(String((failure as Error).message)).toMatch(/network share did not answer in time; nothing was saved/);
    expect(attempts).toBeGreaterThan(1);
    expect(core.workspace.sqlite.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(0);
    // The API reports the code itself, not INTERNAL.
    const { toErrorData } = await import('../api/trpc');
    expect(toErrorData(failure).code).toBe('SHARE_UNAVAILABLE');
    expect((await api.system.workspace.info()).shared).toBe(true);
  });

  it('on a local file an I/O error is not a share hiccup: it is not retried', async () => {
    const { core } = tempCore();
    const { write } = await import('./transaction');
    let attempts = 0;
    expect(() =>
      write(core.workspace, () => {
        attempts++;
        throw shareDropped();
      }),
    ).toThrow('disk I/O error');
    expect(attempts).toBe(1);
  });
});
