import { describe, expect, it } from 'vitest';
import { rapportError, tempCore } from '../test-support/temp-workspace';

async function setup() {
  const context = tempCore();
  const { api, core } = context;
  const [pipeline] = await api.sales.pipelines.list();
  const stage = (name: string) => pipeline!.stages.find((candidate) => candidate.name === name)!;
  const sqlite = core.workspace.sqlite;
  const audit = (contactId: number) =>
    (sqlite.prepare(`SELECT changes, cause FROM audit_log WHERE table_name = 'contacts' AND row_id = ? ORDER BY id`).all(contactId) as { changes: string; cause: string | null }[]).map(
      (row) => ({ changes: JSON.parse(row.changes) as unknown, cause: row.cause === null ? null : (JSON.parse(row.cause) as unknown) }),
    );
  const feed = (contactId: number) => (sqlite.prepare(`SELECT op FROM changes WHERE table_name = 'contacts' AND row_id = ? ORDER BY seq`).all(contactId) as { op: string }[]).map((row) => row.op);
  return { ...context, stage, audit, feed };
}

describe('a contact who buys becomes a customer', () => {
  it('when their deal is won: through the writer, with the cause in the audit entry and the history', async () => {
    const { api, stage, audit, feed } = await setup();
    const lead = await api.people.contacts.create({ name: '王芳' });
    const deal = await api.sales.deals.create({ title: 'Spring restock', contactId: lead.id, amountMinor: 10_000, currency: 'USD', stageId: stage('Proposal').id });
    expect((await api.people.contacts.get({ id: lead.id })).lifecycle).toBe('lead');

    await api.sales.deals.move({ id: deal.id, version: deal.version, stageId: stage('Won').id });
    const contact = await api.people.contacts.get({ id: lead.id });
    expect(contact).toMatchObject({ lifecycle: 'customer', version: lead.version + 1 });
    expect(audit(lead.id).at(-1)).toEqual({
      changes: [{ field: 'lifecycle', before: 'lead', after: 'customer' }],
      cause: { kind: 'deal', id: deal.id, label: 'Spring restock', event: 'won' },
    });
    expect(feed(lead.id)).toEqual(['insert', 'update']);
    const [latest] = await api.system.history({ kind: 'contact', id: lead.id });
    expect(latest).toMatchObject({ action: 'update', cause: { kind: 'deal', id: deal.id, event: 'won' } });

    // Moving a won deal again (or winning another) changes nothing more: the contact is a customer.
    await api.sales.deals.create({ title: 'Again', contactId: lead.id, amountMinor: 1, currency: 'USD', stageId: stage('Won').id });
    expect((await api.people.contacts.get({ id: lead.id })).version).toBe(contact.version);
  });

  it('when a deal is created already won, and not for an inactive contact or a lost deal', async () => {
    const { api, stage } = await setup();
    const prospect = await api.people.contacts.create({ name: 'Prospect', lifecycle: 'prospect' });
    await api.sales.deals.create({ title: 'Walk-in sale', contactId: prospect.id, amountMinor: 1, currency: 'USD', stageId: stage('Won').id });
    expect((await api.people.contacts.get({ id: prospect.id })).lifecycle).toBe('customer');

    const inactive = await api.people.contacts.create({ name: 'Gone quiet', lifecycle: 'inactive' });
    await api.sales.deals.create({ title: 'Comeback', contactId: inactive.id, amountMinor: 1, currency: 'USD', stageId: stage('Won').id });
    expect((await api.people.contacts.get({ id: inactive.id })).lifecycle).toBe('inactive');

    const lead = await api.people.contacts.create({ name: 'Lost lead' });
    const lost = await api.sales.deals.create({ title: 'Nope', contactId: lead.id, amountMinor: 1, currency: 'USD', stageId: stage('Proposal').id });
    await api.sales.deals.move({ id: lost.id, version: lost.version, stageId: stage('Lost').id, lostReason: 'Price' });
    expect((await api.people.contacts.get({ id: lead.id })).lifecycle).toBe('lead');
  });

  it('when their order is paid (or shipped straight from placed), in the same transaction', async () => {
    const { api, audit } = await setup();
    const lead = await api.people.contacts.create({ name: 'Li Lei' });
    const lines = [{ productId: null, description: 'Tea', quantity: 1, unitPriceMinor: 1_000 }];
    const order = await api.sales.orders.create({ kind: 'order', contactId: lead.id, currency: 'USD', lines });
    expect((await api.people.contacts.get({ id: lead.id })).lifecycle).toBe('lead');
    await api.sales.orders.setStatus({ id: order.id, version: order.version, status: 'paid' });
    expect((await api.people.contacts.get({ id: lead.id })).lifecycle).toBe('customer');
    expect(audit(lead.id).at(-1)?.cause).toEqual({ kind: 'order', id: order.id, label: order.number, event: 'paid' });

    const other = await api.people.contacts.create({ name: 'Han Meimei', lifecycle: 'prospect' });
    const shipped = await api.sales.orders.create({ kind: 'order', contactId: other.id, currency: 'USD', lines });
    await api.sales.orders.setStatus({ id: shipped.id, version: shipped.version, status: 'shipped' });
    expect(audit(other.id).at(-1)?.cause).toMatchObject({ kind: 'order', event: 'shipped' });

    // A quote accepted is not a purchase.
    const quoted = await api.people.contacts.create({ name: 'Quoted' });
    const quote = await api.sales.orders.create({ kind: 'quote', contactId: quoted.id, currency: 'USD', lines });
    await api.sales.orders.setStatus({ id: quote.id, version: quote.version, status: 'accepted' });
    expect((await api.people.contacts.get({ id: quoted.id })).lifecycle).toBe('lead');
  });

  it('only a lead converts to a deal: anyone else is refused with VALIDATION and nothing is written', async () => {
    const { api, core } = await setup();
    const customer = await api.people.contacts.create({ name: 'Already bought', lifecycle: 'customer' });
    const before = (core.workspace.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const error = await rapportError(() => api.sales.leads.convert({ contactId: customer.id, contactVersion: customer.version }));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]?.path).toBe('contactId');
    expect((core.workspace.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    expect((await api.sales.deals.list({ contactId: customer.id })).total).toBe(0);
  });
});
