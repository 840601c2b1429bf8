import { describe, expect, it } from 'vitest';
import { contacts } from '../people/schema';
import { rapportError, tempCore } from '../test-support/temp-workspace';
import { tasks } from '../work/schema';
import { write } from './transaction';

describe('bookkeeping columns', () => {
  it('a reminder firing marks the task without a version bump or audit, but with a change row for other PCs', async () => {
    const { api, core } = tempCore();
    const { sqlite } = core.workspace;
    const task = await api.work.tasks.create({ title: 'Call back', dueAt: Date.now(), remindAt: Date.now() - 1_000 });
    const auditBefore = sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE table_name = 'tasks'`).get();
    const seqBefore = (sqlite.prepare('SELECT max(seq) AS seq FROM changes').get() as { seq: number }).seq;

    expect((await api.work.tasks.takeDueReminders({})).map((due) => due.title)).toEqual(['Call back']);

    const row = sqlite.prepare('SELECT version, reminded_at FROM tasks WHERE id = ?').get(task.id) as { version: number; reminded_at: number | null };
    expect(row.version).toBe(task.version);
    expect(row.reminded_at).not.toBeNull();
    expect(sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE table_name = 'tasks'`).get()).toEqual(auditBefore);
    expect(sqlite.prepare('SELECT table_name, row_id, op FROM changes WHERE seq > ?').all(seqBefore)).toEqual([{ table_name: 'tasks', row_id: task.id, op: 'update' }]);
    // The form opened before the reminder fired still saves.
    expect((await api.work.tasks.update({ id: task.id, version: task.version, patch: { title: 'Call back today' } })).version).toBe(task.version + 1);
  });

  it('the writer refuses columns a table did not declare as bookkeeping, writing nothing', async () => {
    const { api, core } = tempCore();
    const task = await api.work.tasks.create({ title: 'Ship order' });
    const contact = await api.people.contacts.create({ name: 'Ann' });
    expect(() => write(core.workspace, (writer) => writer.setBookkeeping(tasks, task.id, { title: 'Sneaky' } as never))).toThrow(/bookkeeping/);
    expect(() => write(core.workspace, (writer) => writer.setBookkeeping(contacts, contact.id, { sortName: 'x' } as never))).toThrow(/bookkeeping/);
    expect((await api.work.tasks.get({ id: task.id })).title).toBe('Ship order');
    expect((await rapportError(async () => write(core.workspace, (writer) => writer.setBookkeeping(tasks, 999_999, { remindedAt: 1 })))).code).toBe('NOT_FOUND');
  });
});
