import { describe, expect, it } from 'vitest';
import { rapportError, tempCore } from '../test-support/temp-workspace';

async function setup() {
  const context = tempCore();
  const { api } = context;
  const [pipeline] = await api.sales.pipelines.list();
  const stage = (name: string) => pipeline!.stages.find((candidate) => candidate.name === name)!;
  return { ...context, pipeline: pipeline!, stage };
}

describe('pipelines', () => {
  it('a new workspace has one default pipeline with ordered stages, won and lost', async () => {
    const { pipeline } = await setup();
    expect(pipeline.isDefault).toBe(true);
    expect(pipeline.stages.map((stage) => [stage.name, stage.probability, stage.kind])).toEqual([
      ['Lead', 10, 'open'],
      ['Qualified', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
  });

  it('a Chinese workspace gets its pipeline in Chinese', async () => {
    const { api } = tempCore({ locale: 'zh-CN' });
    const [pipeline] = await api.sales.pipelines.list();
    expect(pipeline!.name).toBe('销售');
    expect(pipeline!.stages[0]!.name).toBe('线索');
  });

  it('renames, adds, reorders and removes stages, keeping a won and a lost stage', async () => {
    const { api, pipeline, stage } = await setup();
    const renamed = await api.sales.pipelines.stages.update({ id: stage('Qualified').id, version: 1, patch: { name: 'Qualified lead', probability: 30 } });
    expect(renamed.stages[1]).toMatchObject({ name: 'Qualified lead', probability: 30 });
    const added = await api.sales.pipelines.stages.create({ pipelineId: pipeline.id, name: 'Demo', probability: 60 });
    expect(added.stages.map((s) => s.name)).toEqual(['Lead', 'Qualified lead', 'Proposal', 'Negotiation', 'Demo', 'Won', 'Lost']);
    const reversed = added.stages.slice(0, 5).reverse().map((s) => s.id);
    const reordered = await api.sales.pipelines.stages.reorder({ pipelineId: pipeline.id, version: added.version, stageIds: [...reversed, stage('Won').id, stage('Lost').id] });
    expect(reordered.stages.map((s) => s.name)).toEqual(['Demo', 'Negotiation', 'Proposal', 'Qualified lead', 'Lead', 'Won', 'Lost']);
    // Another reorder made from the order before this one is stale: refused, nothing moves.
    const stale = await rapportError(() => api.sales.pipelines.stages.reorder({ pipelineId: pipeline.id, version: added.version, stageIds: added.stages.map((s) => s.id) }));
    expect(stale.code).toBe('CONFLICT');
    expect((await api.sales.pipelines.get({ id: pipeline.id })).stages.map((s) => s.name)).toEqual(reordered.stages.map((s) => s.name));
    const [orderChange] = await api.system.history({ kind: 'pipeline', id: pipeline.id });
    expect(orderChange!.changes).toEqual([{ field: 'stageOrder', before: added.stages.map((s) => s.name), after: reordered.stages.map((s) => s.name) }]);
    expect((await rapportError(() => api.sales.pipelines.stages.remove({ id: stage('Won').id, version: 1 }))).code).toBe('VALIDATION');
    expect((await rapportError(() => api.sales.pipelines.stages.reorder({ pipelineId: pipeline.id, version: reordered.version, stageIds: reversed }))).issues?.[0]?.path).toBe('stageIds');
    const demo = reordered.stages[0]!;
    const removed = await api.sales.pipelines.stages.remove({ id: demo.id, version: demo.version });
    expect(removed.stages.map((s) => s.name)).not.toContain('Demo');
  });

  it('creating a pipeline requires a won and a lost stage', async () => {
    const { api } = await setup();
    const error = await rapportError(() => api.sales.pipelines.create({ name: 'Repairs', stages: [{ name: 'Open', probability: 50 }, { name: 'Done', probability: 100, kind: 'won' }] }));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'stages' }] });
    const created = await api.sales.pipelines.create({
      name: 'Repairs',
      stages: [
        { name: 'Booked', probability: 50 },
        { name: 'Fixed', probability: 100, kind: 'won' },
        { name: 'Cancelled', probability: 0, kind: 'lost' },
      ],
    });
    expect(created.stages).toHaveLength(3);
    expect(await api.sales.pipelines.list()).toHaveLength(2);
  });
});

describe('deals', () => {
  it('moves through stages keeping the history, requires a lost reason, and closes on won', async () => {
    const { api, stage } = await setup();
    const contact = await api.people.contacts.create({ name: '王芳' });
    const deal = await api.sales.deals.create({ title: 'Spring order', contactId: contact.id, amountMinor: 1_234_50, currency: 'CNY', stageId: stage('Lead').id });
    expect(deal).toMatchObject({ stageName: 'Lead', probability: 10, weightedMinor: 12_345, stageKind: 'open', closedAt: null, contactName: '王芳' });
    expect(deal.stageHistory).toHaveLength(1);

    const proposal = await api.sales.deals.move({ id: deal.id, version: deal.version, stageId: stage('Proposal').id });
    expect(proposal).toMatchObject({ stageName: 'Proposal', probability: 50, weightedMinor: 61_725 });
    expect(proposal.stageHistory.map((visit) => [visit.stageName, visit.leftAt === null])).toEqual([
      ['Lead', false],
      ['Proposal', true],
    ]);

    const noReason = await rapportError(() => api.sales.deals.move({ id: deal.id, version: proposal.version, stageId: stage('Lost').id }));
    expect(noReason).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'lostReason' }] });
    const stale = await rapportError(() => api.sales.deals.move({ id: deal.id, version: deal.version, stageId: stage('Won').id }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.current).toMatchObject({ stageName: 'Proposal' });

    const won = await api.sales.deals.move({ id: deal.id, version: proposal.version, stageId: stage('Won').id });
    expect(won).toMatchObject({ stageKind: 'won', probability: 100 });
    expect(won.closedAt).not.toBeNull();
    const lost = await api.sales.deals.move({ id: deal.id, version: won.version, stageId: stage('Lost').id, lostReason: 'Chose a cheaper supplier' });
    expect(lost).toMatchObject({ stageKind: 'lost', lostReason: 'Chose a cheaper supplier', weightedMinor: 0 });
    // Deal moves are the deal's history; the contact's only other entry is becoming a customer on the win.
    const history = await api.system.history({ kind: 'contact', id: contact.id });
    expect(history.map((entry) => entry.cause?.event ?? entry.action)).toEqual(['won', 'create']);
  });

  it('a probability override wins over the stage default', async () => {
    const { api, stage } = await setup();
    const deal = await api.sales.deals.create({ title: 'Tea', amountMinor: 10_000, currency: 'USD', stageId: stage('Qualified').id, probability: 80 });
    expect(deal).toMatchObject({ probability: 80, probabilityOverride: 80, weightedMinor: 8_000 });
    const back = await api.sales.deals.update({ id: deal.id, version: deal.version, patch: { probability: null } });
    expect(back).toMatchObject({ probability: 25, weightedMinor: 2_500 });
  });

  it('lists with filters and keyset pages, finds deals by title, bulk-reassigns', async () => {
    const { api, stage } = await setup();
    const owner = (await api.system.users.list())[0]!;
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const deal = await api.sales.deals.create({
        title: `Deal ${String.fromCharCode(65 + i)}`,
        amountMinor: (i + 1) * 1000,
        currency: 'USD',
        stageId: stage(i % 2 ? 'Lead' : 'Proposal').id,
        expectedCloseDate: `2026-0${(i % 3) + 1}-15`,
      });
      ids.push(deal.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.sales.deals.list({ sort: 'amount', order: 'desc', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((row) => row.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Deal G', 'Deal F', 'Deal E', 'Deal D', 'Deal C', 'Deal B', 'Deal A']);
    expect((await api.sales.deals.list({ stageId: stage('Lead').id })).total).toBe(3);
    expect((await api.sales.deals.list({ closeMonth: '2026-02' })).rows.map((row) => row.title).sort()).toEqual(['Deal B', 'Deal E']);
    expect((await api.sales.deals.list({ search: 'deal c' })).rows.map((row) => row.title)).toEqual(['Deal C']);
    expect((await api.system.search({ query: 'Deal F' }))[0]).toMatchObject({ kind: 'deal', title: 'Deal F' });
    expect(await api.sales.deals.bulkOwner({ ids: ids.slice(0, 3), ownerId: owner.id })).toEqual({ count: 3 });
    expect((await api.sales.deals.list({ ownerId: owner.id })).total).toBe(3);
    expect(await api.sales.deals.bulkRemove({ ids: ids.slice(0, 2) })).toEqual({ count: 2 });
    expect((await api.sales.deals.list({})).total).toBe(5);
  });

  it('refuses bad input with the field path and writes nothing', async () => {
    const { api, core, stage } = await setup();
    const count = () => core.workspace.sqlite.prepare('SELECT count(*) AS n FROM deals').get();
    const before = count();
    const cases: [unknown, string][] = [
      [{ title: '', currency: 'USD', stageId: stage('Lead').id }, 'title'],
      [{ title: 'x', currency: 'usd', stageId: stage('Lead').id }, 'currency'],
      [{ title: 'x', currency: 'USD', amountMinor: 12.5, stageId: stage('Lead').id }, 'amountMinor'],
      [{ title: 'x', currency: 'USD', amountMinor: -1, stageId: stage('Lead').id }, 'amountMinor'],
      [{ title: 'x', currency: 'USD', stageId: 9999 }, 'stageId'],
      [{ title: 'x', currency: 'USD', stageId: stage('Lead').id, contactId: 9999 }, 'contactId'],
      [{ title: 'x', currency: 'USD', stageId: stage('Lead').id, probability: 101 }, 'probability'],
      [{ title: 'x', currency: 'USD', stageId: stage('Lead').id, expectedCloseDate: '2026-13-01' }, 'expectedCloseDate'],
    ];
    for (const [input, path] of cases) {
      const error = await rapportError(() => api.sales.deals.create(input as never));
      expect(error.code, path).toBe('VALIDATION');
      expect(error.issues?.map((issue) => issue.path)).toContain(path);
    }
    expect(count()).toEqual(before);
  });

  it('converts a lead into a deal in one step and moves the contact on to prospect', async () => {
    const { api } = await setup();
    const company = await api.people.companies.create({ name: 'Maple Bakery' });
    const lead = await api.people.contacts.create({ name: 'Oliver King', companyId: company.id, source: 'walk_in' });
    const deal = await api.sales.leads.convert({ contactId: lead.id, contactVersion: lead.version, amountMinor: 50_000 });
    expect(deal).toMatchObject({ title: 'Maple Bakery', contactId: lead.id, companyId: company.id, source: 'walk_in', stageName: 'Lead', currency: 'USD', amountMinor: 50_000 });
    expect((await api.people.contacts.get({ id: lead.id })).lifecycle).toBe('prospect');
    const again = await rapportError(() => api.sales.leads.convert({ contactId: lead.id, contactVersion: lead.version }));
    expect(again.code).toBe('CONFLICT');
    expect((await api.sales.deals.list({ contactId: lead.id })).total).toBe(1);
  });
});

describe('board and forecast', () => {
  it('shows every stage with counts, per-currency totals and weighted sums, filtered by owner and month', async () => {
    const { api, pipeline, stage } = await setup();
    const owner = (await api.system.users.list())[0]!;
    await api.sales.deals.create({ title: 'A', amountMinor: 10_000, currency: 'USD', stageId: stage('Proposal').id, expectedCloseDate: '2026-12-10', ownerId: owner.id });
    await api.sales.deals.create({ title: 'B', amountMinor: 30_000, currency: 'USD', stageId: stage('Proposal').id, expectedCloseDate: '2026-11-02' });
    await api.sales.deals.create({ title: 'C', amountMinor: 5_000, currency: 'CNY', stageId: stage('Proposal').id });
    const board = await api.sales.deals.board({ pipelineId: pipeline.id });
    const proposal = board.columns.find((column) => column.stage.name === 'Proposal')!;
    expect(proposal.count).toBe(3);
    expect(proposal.totals).toEqual([
      { currency: 'USD', amountMinor: 40_000, weightedMinor: 20_000 },
      { currency: 'CNY', amountMinor: 5_000, weightedMinor: 2_500 },
    ]);
    expect(proposal.deals.map((deal) => deal.title)).toEqual(['B', 'A', 'C']);
    expect(board.columns.find((column) => column.stage.name === 'Lead')!.count).toBe(0);
    const mine = await api.sales.deals.board({ pipelineId: pipeline.id, ownerId: owner.id, closeMonth: '2026-12' });
    expect(mine.columns.find((column) => column.stage.name === 'Proposal')!.deals.map((deal) => deal.title)).toEqual(['A']);
  });

  it('forecasts weighted pipeline by close month and won revenue by the month it was won', async () => {
    const { api, stage } = await setup();
    await api.sales.deals.create({ title: 'Open Nov', amountMinor: 10_000, currency: 'USD', stageId: stage('Negotiation').id, expectedCloseDate: '2026-11-20' });
    await api.sales.deals.create({ title: 'Open Dec', amountMinor: 20_000, currency: 'USD', stageId: stage('Lead').id, expectedCloseDate: '2026-12-05' });
    const won = await api.sales.deals.create({ title: 'Won now', amountMinor: 7_000, currency: 'USD', stageId: stage('Lead').id });
    await api.sales.deals.move({ id: won.id, version: won.version, stageId: stage('Won').id });
    const month = new Date().toISOString().slice(0, 7);
    const from = ['2026-11', month].sort()[0]!;
    const to = ['2026-12', month].sort()[1]!;
    const forecast = await api.sales.deals.forecast({ from, to });
    const byMonth = Object.fromEntries(forecast.months.map((row) => [row.month, row]));
    expect(byMonth['2026-11']).toMatchObject({ weightedMinor: 7_500, openMinor: 10_000, openCount: 1 });
    expect(byMonth['2026-12']).toMatchObject({ weightedMinor: 2_000, openCount: 1 });
    expect(byMonth[month]).toMatchObject({ wonMinor: 7_000, wonCount: 1 });
    expect(forecast.owners.reduce((sum, row) => sum + row.wonMinor, 0)).toBe(7_000);
    expect((await rapportError(() => api.sales.deals.forecast({ from: '2026-12', to: '2026-01' }))).issues?.[0]?.path).toBe('to');
  });
});
