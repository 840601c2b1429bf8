import { describe, expect, it } from 'vitest';
import { rapportError, tempCore } from '../test-support/temp-workspace';

const DANGLING = 987_654;

describe('a stored reference to a record that does not exist', () => {
  it('is refused with VALIDATION on its field, on every create and update that stores an id, writing nothing', async () => {
    const { core, api } = tempCore();
    const contact = await api.people.contacts.create({ name: 'Li Na' });
    const company = await api.people.companies.create({ name: 'Tea House' });
    const pipeline = (await api.sales.pipelines.list())[0]!;
    const stageId = pipeline.stages[0]!.id;
    const deal = await api.sales.deals.create({ title: 'Catering', contactId: contact.id, currency: 'CNY', stageId });
    const product = await api.sales.products.create({ sku: 'TEA', name: 'Tea', unitPriceMinor: 100, currency: 'CNY' });
    const activity = await api.work.activities.create({ channel: 'call', subject: 'Intro', occurredAt: 1_000, contactId: contact.id });
    const task = await api.work.tasks.create({ title: 'Call back' });
    // A record in the Trash is not a live target either.
    const trashed = await api.people.contacts.create({ name: 'Gone' });
    await api.people.contacts.remove({ id: trashed.id, version: 1 });

    const line = (productId: number | null) => [{ productId, description: 'Tea', quantity: 1, unitPriceMinor: 100 }];
    const cases: [string, () => Promise<unknown>][] = [
      ['companyId', () => api.people.contacts.create({ name: 'A', companyId: DANGLING })],
      ['ownerId', () => api.people.contacts.create({ name: 'A', ownerId: DANGLING })],
      ['tagIds.0', () => api.people.contacts.create({ name: 'A', tagIds: [DANGLING] })],
      ['companyId', () => api.people.contacts.update({ id: contact.id, version: 1, patch: { companyId: DANGLING } })],
      ['ownerId', () => api.people.contacts.update({ id: contact.id, version: 1, patch: { ownerId: DANGLING } })],
      ['tagIds.0', () => api.people.contacts.update({ id: contact.id, version: 1, patch: { tagIds: [DANGLING] } })],
      ['ownerId', () => api.people.companies.create({ name: 'B', ownerId: DANGLING })],
      ['tagIds.0', () => api.people.companies.create({ name: 'B', tagIds: [DANGLING] })],
      ['ownerId', () => api.people.companies.update({ id: company.id, version: 1, patch: { ownerId: DANGLING } })],
      ['target.id', () => api.people.notes.create({ target: { kind: 'contact', id: DANGLING }, body: 'x' })],
      ['target.id', () => api.people.notes.create({ target: { kind: 'company', id: DANGLING }, body: 'x' })],
      ['pipelineId', () => api.sales.pipelines.stages.create({ pipelineId: DANGLING, name: 'Extra', probability: 10, kind: 'open' })],
      ['contactId', () => api.sales.deals.create({ title: 'D', contactId: DANGLING, currency: 'CNY', stageId })],
      ['contactId', () => api.sales.deals.create({ title: 'D', contactId: trashed.id, currency: 'CNY', stageId })],
      ['companyId', () => api.sales.deals.create({ title: 'D', companyId: DANGLING, currency: 'CNY', stageId })],
      ['ownerId', () => api.sales.deals.create({ title: 'D', contactId: contact.id, ownerId: DANGLING, currency: 'CNY', stageId })],
      ['stageId', () => api.sales.deals.create({ title: 'D', contactId: contact.id, currency: 'CNY', stageId: DANGLING })],
      ['sourceCampaignId', () => api.sales.deals.create({ title: 'D', contactId: contact.id, currency: 'CNY', stageId, sourceCampaignId: DANGLING })],
      ['contactId', () => api.sales.deals.update({ id: deal.id, version: 1, patch: { contactId: DANGLING } })],
      ['companyId', () => api.sales.deals.update({ id: deal.id, version: 1, patch: { companyId: DANGLING } })],
      ['ownerId', () => api.sales.deals.update({ id: deal.id, version: 1, patch: { ownerId: DANGLING } })],
      ['sourceCampaignId', () => api.sales.deals.update({ id: deal.id, version: 1, patch: { sourceCampaignId: DANGLING } })],
      ['stageId', () => api.sales.deals.move({ id: deal.id, version: 1, stageId: DANGLING })],
      ['ownerId', () => api.sales.deals.bulkOwner({ ids: [deal.id], ownerId: DANGLING })],
      ['pipelineId', () => api.sales.leads.convert({ contactId: contact.id, contactVersion: 1, pipelineId: DANGLING })],
      ['contactId', () => api.sales.orders.create({ kind: 'order', contactId: DANGLING, currency: 'CNY', lines: line(product.id) })],
      ['companyId', () => api.sales.orders.create({ kind: 'order', companyId: DANGLING, currency: 'CNY', lines: line(product.id) })],
      ['dealId', () => api.sales.orders.create({ kind: 'order', dealId: DANGLING, currency: 'CNY', lines: line(product.id) })],
      ['lines.0.productId', () => api.sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: line(DANGLING) })],
      ['contactId', () => api.work.activities.create({ channel: 'call', subject: 'S', occurredAt: 1, contactId: DANGLING })],
      ['companyId', () => api.work.activities.create({ channel: 'call', subject: 'S', occurredAt: 1, companyId: DANGLING })],
      ['dealId', () => api.work.activities.create({ channel: 'call', subject: 'S', occurredAt: 1, dealId: DANGLING })],
      ['contactId', () => api.work.activities.update({ id: activity.id, version: 1, patch: { contactId: DANGLING } })],
      ['dealId', () => api.work.activities.update({ id: activity.id, version: 1, patch: { dealId: DANGLING } })],
      ['assigneeId', () => api.work.tasks.create({ title: 'T', assigneeId: DANGLING })],
      ['contactId', () => api.work.tasks.create({ title: 'T', contactId: DANGLING })],
      ['companyId', () => api.work.tasks.create({ title: 'T', companyId: DANGLING })],
      ['dealId', () => api.work.tasks.create({ title: 'T', dealId: DANGLING })],
      ['assigneeId', () => api.work.tasks.update({ id: task.id, version: 1, patch: { assigneeId: DANGLING } })],
      ['contactId', () => api.work.tasks.update({ id: task.id, version: 1, patch: { contactId: DANGLING } })],
      ['dealId', () => api.work.tasks.update({ id: task.id, version: 1, patch: { dealId: DANGLING } })],
    ];
    const changesBefore = (core.workspace.sqlite.prepare('SELECT max(seq) AS seq FROM changes').get() as { seq: number }).seq;
    const outcomes = [];
    for (const [field, call] of cases) {
      let outcome: { code: string; paths: string[] };
      try {
        await call();
        outcome = { code: 'accepted', paths: [] };
      } catch {
        const error = await rapportError(call);
        outcome = { code: error.code, paths: (error.issues ?? []).map((issue) => issue.path.replace(/^patch\./, '')) };
      }
      outcomes.push({ field, ...outcome });
    }
    expect(outcomes).toEqual(cases.map(([field]) => ({ field, code: 'VALIDATION', paths: [field] })));
    const changesAfter = (core.workspace.sqlite.prepare('SELECT max(seq) AS seq FROM changes').get() as { seq: number }).seq;
    expect(changesAfter).toBe(changesBefore);
  });
});
