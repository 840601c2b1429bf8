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

  it('creates the workspace in the language, currency and owner chosen at first run', async () => {
    const { api, core } = tempCore();
    const info = await api.system.workspace.firstRun({ sampleData: true, locale: 'zh-CN', currency: 'CNY', ownerName: '陈老板' });
    expect(info).toMatchObject({ locale: 'zh-CN', currency: 'CNY', currentUser: { name: '陈老板', role: 'owner' } });
    const [pipeline] = await api.sales.pipelines.list();
    expect(pipeline!.name).toBe('销售');
    expect(pipeline!.stages.map((stage) => stage.name)).toEqual(['线索', '已确认', '方案报价', '商务谈判', '赢单', '输单']);
    const sql = core.workspace.sqlite;
    expect(sql.prepare(`SELECT DISTINCT currency FROM deals`).all()).toEqual([{ currency: 'CNY' }]);
    expect(sql.prepare(`SELECT DISTINCT currency FROM products`).all()).toEqual([{ currency: 'CNY' }]);
    // Sample text a Chinese shop would have typed: no English product names, deal titles or tasks.
    const latin = (table: string, column: string) => (sql.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} GLOB '*[A-Za-z][a-z]*'`).get() as { n: number }).n;
    expect(latin('products', 'name')).toBe(0);
    expect(latin('deals', 'title')).toBe(0);
    expect(latin('tasks', 'title')).toBe(0);
    expect(latin('activities', 'subject')).toBe(0);
    const chineseContacts = (sql.prepare(`SELECT count(*) AS n FROM contacts WHERE name GLOB '*[^ -~]*'`).get() as { n: number }).n;
    expect(chineseContacts / info.counts.contacts).toBeGreaterThan(0.7);
    // The owner's new name and the pipeline's renames are audited like any edit.
    const renames = sql.prepare(`SELECT table_name, changes FROM audit_log WHERE action = 'update' AND table_name IN ('users', 'pipelines') ORDER BY id`).all() as { table_name: string; changes: string }[];
    expect(renames.map((row) => [row.table_name, JSON.parse(row.changes)[0].after])).toEqual([['users', '陈老板'], ['pipelines', '销售']]);

    // Switching the workspace language later changes the interface, not what was created.
    await api.system.workspace.updateSettings({ version: (await api.system.workspace.info()).settingsVersion, locale: 'en' });
    expect((await api.sales.pipelines.list())[0]!.name).toBe('销售');
  });

  it('starts empty in English with a currency of its own and keeps an edited pipeline as it is', async () => {
    const { api } = tempCore();
    const [before] = await api.sales.pipelines.list();
    await api.sales.pipelines.rename({ id: before!.id, version: before!.version, name: 'Wholesale' });
    const info = await api.system.workspace.firstRun({ sampleData: false, locale: 'zh-CN', currency: 'GBP', ownerName: 'Ada' });
    expect(info).toMatchObject({ locale: 'zh-CN', currency: 'GBP', counts: { contacts: 0 }, currentUser: { name: 'Ada' } });
    const [after] = await api.sales.pipelines.list();
    expect(after!.name).toBe('Wholesale');
    expect(after!.stages[0]!.name).toBe('Lead');
  });

  it('refuses a bad first-run choice and changes nothing', async () => {
    const { api } = tempCore();
    const error = await rapportError(() => api.system.workspace.firstRun({ sampleData: true, currency: 'yuan', ownerName: '  ' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['currency', 'ownerName']);
    expect(await api.system.workspace.info()).toMatchObject({ initialized: false, counts: { contacts: 0 } });
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
    expect((await rapportError(() => api.system.workspace.updateSettings({ version: 0, currency: 'dollars' }))).issues?.[0]?.path).toBe('currency');
    const before = (await api.system.changes({ seq: 0 })).seq;
    expect((await api.system.workspace.updateSettings({ version: (await api.system.workspace.info()).settingsVersion, currency: 'CNY', locale: 'zh-CN' })).currency).toBe('CNY');
    const feed = core.workspace.sqlite.prepare('SELECT table_name FROM changes WHERE seq > ?').all(before);
    expect(feed).toEqual([{ table_name: 'settings' }]);
  });
});
