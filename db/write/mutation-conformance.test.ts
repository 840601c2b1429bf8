import { describe, expect, it } from 'vitest';
import { appRouter } from '../api/router';
import { snapshotRecords as snapshot, type RecordSnapshot as Snapshot, type RowState } from '../test-support/record-snapshot';
import { tempCore } from '../test-support/temp-workspace';

/**
 * Every mutation of the API goes through the writer (DESIGN §4): this test enumerates the router's
 * mutations itself, runs each with valid input on a seeded workspace, and compares every record
 * row before and after. Each row the mutation created, changed or purged must have a change row
 * and an audit entry (field-level for create and update), and a changed row a higher version.
 */

type Api = ReturnType<typeof appRouter.createCaller>;
type Seed = Awaited<ReturnType<typeof seedWorkspace>>;
/** Prepares what the mutation needs (outside the comparison) and returns its input. */
type Recipe = (api: Api, seed: Seed) => Promise<unknown>;

// At run time `_def.procedures` is flat, keyed by dotted path (its declared type is the nested router).
const MUTATIONS = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, procedure]) => procedure._def.type === 'mutation')
  .map(([path]) => path);

/**
 * Mutations that write no person's change to a record, with the reason. They are still run and
 * must still report what they wrote to the change feed.
 */
const BOOKKEEPING_ONLY: Record<string, string> = {
  'work.tasks.takeDueReminders':
    'marks reminders as shown in the bookkeeping column tasks.reminded_at: no version bump (an open edit form must not conflict because a reminder fired) and no audit (no one changed the task), but a change row so other PCs refresh',
};

/** Mutations that change the connection, not the file: they must write nothing at all. */
const NO_RECORD_STATE: Record<string, string> = {
  'system.session.signIn': 'signs this connection in as a staff member; nothing in the file changes',
  'system.session.signOut': 'signs this connection out; nothing in the file changes',
};

async function seedWorkspace(api: Api) {
  const owner = (await api.system.workspace.info()).currentUser!;
  const [pipeline] = await api.sales.pipelines.list();
  const company = await api.people.companies.create({ name: 'Harbour Foods' });
  const contact = await api.people.contacts.create({ name: 'Ann Lee', companyId: company.id });
  const spare = await api.people.contacts.create({ name: 'Bo Chen' });
  const tag = await api.people.tags.create({ name: 'vip' });
  const note = await api.people.notes.create({ target: { kind: 'contact', id: contact.id }, body: 'Prefers mornings' });
  const deal = await api.sales.deals.create({ title: 'Catering', contactId: contact.id, currency: 'USD', stageId: pipeline!.stages[0]!.id, ownerId: owner.id });
  const product = await api.sales.products.create({ sku: 'TEA-1', name: 'Tea box', unitPriceMinor: 1200, currency: 'USD' });
  const line = { productId: product.id, description: 'Tea box', quantity: 2, unitPriceMinor: 1200 };
  const quote = await api.sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'USD', lines: [line] });
  const order = await api.sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'USD', lines: [line] });
  const activity = await api.work.activities.create({ channel: 'call', subject: 'Intro call', contactId: contact.id });
  const task = await api.work.tasks.create({ title: 'Send samples', contactId: contact.id });
  return { owner, pipeline: pipeline!, company, contact, spare, tag, note, deal, product, line, quote, order, activity, task };
}

const RECIPES: Record<string, Recipe> = {
  'people.contacts.create': async () => ({ name: 'Cai Wen', emails: [{ value: 'cai@example.cn' }] }),
  'people.contacts.update': async (_, s) => ({ id: s.contact.id, version: s.contact.version, patch: { jobTitle: 'Buyer' } }),
  'people.contacts.remove': async (_, s) => ({ id: s.spare.id, version: s.spare.version }),
  'people.contacts.restore': async (api, s) => {
    await api.people.contacts.remove({ id: s.spare.id });
    return { id: s.spare.id };
  },
  'people.companies.create': async () => ({ name: 'Lotus Tea' }),
  'people.companies.update': async (_, s) => ({ id: s.company.id, version: s.company.version, patch: { website: 'https://harbour.example' } }),
  'people.companies.remove': async (api) => ({ id: (await api.people.companies.create({ name: 'Short lived' })).id }),
  'people.companies.restore': async (api) => {
    const company = await api.people.companies.create({ name: 'Back again' });
    await api.people.companies.remove({ id: company.id });
    return { id: company.id };
  },
  'people.tags.create': async () => ({ name: 'wholesale' }),
  'people.notes.create': async (_, s) => ({ target: { kind: 'company', id: s.company.id }, body: 'Closed on Mondays' }),
  'people.notes.update': async (_, s) => ({ id: s.note.id, version: s.note.version, body: 'Prefers afternoons' }),
  'people.notes.remove': async (_, s) => ({ id: s.note.id, version: s.note.version }),
  'people.bulk.tag': async (_, s) => ({ kind: 'contact', ids: [s.contact.id, s.spare.id], tagId: s.tag.id, add: true }),
  'people.bulk.remove': async (api, s) => ({ kind: 'contact', ids: [s.spare.id, (await api.people.contacts.create({ name: 'Dee' })).id] }),
  'sales.pipelines.create': async () => ({
    name: 'Wholesale',
    stages: [
      { name: 'Open', probability: 20 },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  }),
  'sales.pipelines.rename': async (_, s) => ({ id: s.pipeline.id, version: s.pipeline.version, name: 'Retail' }),
  'sales.pipelines.stages.create': async (_, s) => ({ pipelineId: s.pipeline.id, name: 'Tasting', probability: 40 }),
  'sales.pipelines.stages.update': async (_, s) => ({ id: s.pipeline.stages[1]!.id, version: s.pipeline.stages[1]!.version, patch: { probability: 30 } }),
  'sales.pipelines.stages.reorder': async (_, s) => {
    const ids = s.pipeline.stages.map((stage) => stage.id);
    return { pipelineId: s.pipeline.id, version: s.pipeline.version, stageIds: [ids[1]!, ids[0]!, ...ids.slice(2)] };
  },
  'sales.pipelines.stages.remove': async (_, s) => ({ id: s.pipeline.stages[3]!.id, version: s.pipeline.stages[3]!.version }),
  'sales.deals.create': async (_, s) => ({ title: 'Gift boxes', companyId: s.company.id, currency: 'USD', amountMinor: 5000, stageId: s.pipeline.stages[0]!.id }),
  'sales.deals.update': async (_, s) => ({ id: s.deal.id, version: s.deal.version, patch: { amountMinor: 9900 } }),
  'sales.deals.move': async (_, s) => ({ id: s.deal.id, version: s.deal.version, stageId: s.pipeline.stages[2]!.id }),
  'sales.deals.remove': async (_, s) => ({ id: s.deal.id, version: s.deal.version }),
  'sales.deals.restore': async (api, s) => {
    await api.sales.deals.remove({ id: s.deal.id });
    return { id: s.deal.id };
  },
  'sales.deals.bulkOwner': async (_, s) => ({ ids: [s.deal.id], ownerId: null }),
  'sales.deals.bulkRemove': async (api, s) => ({
    ids: [s.deal.id, (await api.sales.deals.create({ title: 'Second', currency: 'USD', contactId: s.spare.id, stageId: s.pipeline.stages[0]!.id })).id],
  }),
  'sales.leads.convert': async (api) => {
    const lead = await api.people.contacts.create({ name: 'Eve Lin', lifecycle: 'lead' });
    return { contactId: lead.id, contactVersion: lead.version, title: 'First order', amountMinor: 3000 };
  },
  'sales.products.create': async () => ({ sku: 'CUP-1', name: 'Cup set', unitPriceMinor: 800, currency: 'USD' }),
  'sales.products.update': async (_, s) => ({ id: s.product.id, version: s.product.version, patch: { unitPriceMinor: 1500 } }),
  'sales.products.remove': async (_, s) => ({ id: s.product.id, version: s.product.version }),
  'sales.products.restore': async (api, s) => {
    await api.sales.products.remove({ id: s.product.id });
    return { id: s.product.id };
  },
  'sales.orders.create': async (_, s) => ({ kind: 'order', companyId: s.company.id, currency: 'USD', lines: [s.line] }),
  'sales.orders.update': async (_, s) => ({ id: s.order.id, version: s.order.version, patch: { note: 'Gift wrap' } }),
  'sales.orders.setStatus': async (_, s) => ({ id: s.order.id, version: s.order.version, status: 'paid' }),
  'sales.orders.convertQuote': async (api, s) => {
    const accepted = await api.sales.orders.setStatus({ id: s.quote.id, version: s.quote.version, status: 'accepted' });
    return { id: accepted.id, version: accepted.version };
  },
  'sales.orders.remove': async (_, s) => ({ id: s.order.id, version: s.order.version }),
  'work.activities.create': async (_, s) => ({ channel: 'visit', subject: 'Shop visit', companyId: s.company.id }),
  'work.activities.update': async (_, s) => ({ id: s.activity.id, version: s.activity.version, patch: { outcome: 'interested' } }),
  'work.activities.remove': async (_, s) => ({ id: s.activity.id, version: s.activity.version }),
  'work.tasks.create': async (_, s) => ({ title: 'Call back', dealId: s.deal.id, dueAt: Date.now() + 86_400_000 }),
  'work.tasks.update': async (_, s) => ({ id: s.task.id, version: s.task.version, patch: { priority: 'high' } }),
  'work.tasks.remove': async (_, s) => ({ id: s.task.id, version: s.task.version }),
  'work.tasks.complete': async (_, s) => ({ id: s.task.id, version: s.task.version }),
  'work.tasks.takeDueReminders': async (api) => {
    await api.work.tasks.create({ title: 'Renewal', dueAt: Date.now(), remindAt: Date.now() - 1_000 });
    return {};
  },
  'system.workspace.firstRun': async () => ({ sampleData: false, locale: 'zh-CN', currency: 'CNY', ownerName: 'Chen' }),
  'system.workspace.updateSettings': async (api) => ({ version: (await api.system.workspace.info()).settingsVersion, currency: 'EUR' }),
  'system.trash.restore': async (api, s) => {
    await api.people.contacts.remove({ id: s.spare.id });
    return { kind: 'contact', id: s.spare.id };
  },
  'system.trash.restoreMany': async (api, s) => {
    await api.people.bulk.remove({ kind: 'contact', ids: [s.spare.id, s.contact.id] });
    return { items: [{ kind: 'contact', id: s.spare.id }, { kind: 'contact', id: s.contact.id }] };
  },
  'system.staff.create': async () => ({ name: 'Sam Staff', role: 'staff', pin: '2468' }),
  'system.staff.update': async (api) => {
    const staff = await api.system.staff.create({ name: 'Sam Staff', role: 'staff' });
    return { id: staff.id, version: staff.version, name: 'Sam Stone', role: 'manager' };
  },
  'system.session.signIn': async (_api, s) => ({ userId: s.owner.id }),
  'system.session.signOut': async () => undefined,
  'system.trash.purge': async (api, s) => {
    await api.people.contacts.remove({ id: s.spare.id });
    return { items: [{ kind: 'contact', id: s.spare.id }] };
  },
};

type Touch = { table: string; id: number; how: 'created' | 'changed' | 'purged'; before?: RowState; after?: RowState };

function touchedRows(before: Snapshot, after: Snapshot): Touch[] {
  const touched: Touch[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Map<number, RowState>();
    for (const [id, row] of rows) {
      const previous = old.get(id);
      if (!previous) touched.push({ table, id, how: 'created', after: row });
      else if (previous.json !== row.json) touched.push({ table, id, how: 'changed', before: previous, after: row });
    }
    for (const [id, row] of old) if (!rows.has(id)) touched.push({ table, id, how: 'purged', before: row });
  }
  return touched;
}

function call(api: Api, path: string, input: unknown): Promise<unknown> {
  const procedure = path.split('.').reduce<any>((node, key) => node[key], api);
  return procedure(input);
}

describe('every mutation goes through the writer', () => {
  it('finds the mutations in the router, and every recipe names one', () => {
    expect(MUTATIONS.length).toBeGreaterThan(40);
    expect(Object.keys(RECIPES).filter((path) => !MUTATIONS.includes(path))).toEqual([]);
    expect(Object.keys(BOOKKEEPING_ONLY).filter((path) => !MUTATIONS.includes(path))).toEqual([]);
    expect(Object.keys(NO_RECORD_STATE).filter((path) => !MUTATIONS.includes(path))).toEqual([]);
  });

  it.each(MUTATIONS)('%s bumps versions, audits field by field and feeds the change feed', async (path) => {
    const recipe = RECIPES[path];
    if (!recipe) throw new Error(`${path} has no recipe in RECIPES: add valid input for it, so the writer's rules are checked for it too.`);
    const { api, core } = tempCore();
    const { sqlite } = core.workspace;
    const input = await recipe(api, await seedWorkspace(api));

    const before = snapshot(sqlite);
    const seq = (sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM changes').get() as { n: number }).n;
    const auditId = (sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
    await call(api, path, input);
    const touched = touchedRows(before, snapshot(sqlite));
    const feed = new Set((sqlite.prepare('SELECT table_name, row_id FROM changes WHERE seq > ?').all(seq) as { table_name: string; row_id: number }[]).map((row) => `${row.table_name}:${row.row_id}`));
    const audit = sqlite.prepare('SELECT action, table_name, row_id, changes FROM audit_log WHERE id > ?').all(auditId) as {
      action: string;
      table_name: string;
      row_id: number;
      changes: string;
    }[];

    if (NO_RECORD_STATE[path]) {
      expect(touched, `${path}: ${NO_RECORD_STATE[path]}`).toEqual([]);
      return;
    }
    expect(touched, `${path} wrote no record`).not.toEqual([]);
    const problems: string[] = [];
    for (const row of touched) {
      const name = `${row.table}:${row.id}`;
      if (!feed.has(name)) problems.push(`${name} ${row.how} without a change row`);
      if (BOOKKEEPING_ONLY[path]) {
        if (row.before?.version !== row.after?.version) problems.push(`${name} had its version bumped by bookkeeping`);
        continue;
      }
      const entries = audit.filter((entry) => entry.table_name === row.table && entry.row_id === row.id);
      if (entries.length === 0) problems.push(`${name} ${row.how} without an audit entry`);
      if (row.how !== 'purged' && entries.some((entry) => ['create', 'update'].includes(entry.action) && JSON.parse(entry.changes).length === 0)) {
        problems.push(`${name} audited without field-level changes`);
      }
      if (row.how === 'changed' && row.table !== 'settings' && !((row.after!.version ?? 0) > (row.before!.version ?? 0))) {
        problems.push(`${name} changed without a version bump`);
      }
    }
    if (BOOKKEEPING_ONLY[path]) expect(audit, `${path}: ${BOOKKEEPING_ONLY[path]}`).toEqual([]);
    expect(problems).toEqual([]);
  });
});
