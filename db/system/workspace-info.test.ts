import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../workspace/open';
import { rapportError, tempCore } from '../test-support/temp-workspace';

describe('workspace info and first run', () => {
  it('starts uninitialized, loads sample data once, and then refuses a second first run', async () => {
    const { api, core } = tempCore();
    const fresh = await api.system.workspace.info();
    expect(fresh).toMatchObject({ initialized: false, counts: { contacts: 0, companies: 0 }, currentUser: { role: 'owner' }, others: [] });
    const loaded = await api.system.workspace.firstRun({ sampleData: true });
    expect(loaded.initialized).toBe(true);
    expect(loaded.counts.contacts).toBeGreaterThanOrEqual(200);
    expect(loaded.counts.companies).toBeGreaterThanOrEqual(30);
    const chinese = await api.people.contacts.list({ search: '王', limit: 5 });
    expect(chinese.total).toBeGreaterThan(0);
    // A living CRM: deals in several stages, orders that earned revenue, touchpoints and tasks.
    const [pipeline] = await api.sales.pipelines.list();
    const board = await api.sales.deals.board({ pipelineId: pipeline!.id });
    expect(board.columns.filter((column) => column.count > 0).length).toBeGreaterThanOrEqual(4);
    const paid = core.workspace.sqlite.prepare(`SELECT count(*) AS n FROM orders WHERE status IN ('paid','shipped','delivered')`).get() as { n: number };
    expect(paid.n).toBeGreaterThan(3);
    expect(core.workspace.sqlite.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 400 });
    expect((await api.work.tasks.list({})).total).toBe(6);
    expect((await rapportError(() => api.system.workspace.firstRun({ sampleData: false }))).code).toBe('VALIDATION');
  });

  it('shows the other clients that have the file open', async () => {
    const { api, file } = tempCore();
    const other = openWorkspace(file, { probeLocks: false });
    try {
      expect((await api.system.workspace.info()).others).toHaveLength(1);
    } finally {
      other.close();
    }
    expect((await api.system.workspace.info()).others).toHaveLength(0);
  });

  it('validates settings and reports the change to other clients', async () => {
    const { api, core } = tempCore();
    expect((await rapportError(() => api.system.workspace.updateSettings({ currency: 'dollars' }))).issues?.[0]?.path).toBe('currency');
    const before = (await api.system.changes({ seq: 0 })).seq;
    expect((await api.system.workspace.updateSettings({ currency: 'CNY', locale: 'zh-CN' })).currency).toBe('CNY');
    const feed = core.workspace.sqlite.prepare('SELECT table_name FROM changes WHERE seq > ?').all(before);
    expect(feed).toEqual([{ table_name: 'settings' }]);
  });
});
