import { describe, expect, it } from 'vitest';
import { rapportErrorFromSystem } from '../errors';
import { salesCore } from '../sales/sales-test-support';
import { rapportError, tempCore } from '../test-support/temp-workspace';

describe('editing a record someone else just deleted', () => {
  it('is a CONFLICT carrying the deleted record, for update and for delete, on every kind', async () => {
    const { api, sales } = salesCore();
    const contact = await api.people.contacts.create({ name: 'Wang Fang' });
    const company = await api.people.companies.create({ name: 'Tea House' });
    const pipeline = (await api.sales.pipelines.list())[0]!;
    const deal = await api.sales.deals.create({ title: 'Catering', contactId: contact.id, currency: 'CNY', stageId: pipeline.stages[0]!.id });
    const product = await sales.products.create({ sku: 'TEA', name: 'Tea', unitPriceMinor: 100, currency: 'CNY' });
    const task = await api.work.tasks.create({ title: 'Call back' });
    const note = await api.people.notes.create({ target: { kind: 'contact', id: contact.id }, body: 'Likes green tea' });
    const order = await sales.orders.create({
      kind: 'order',
      companyId: company.id,
      currency: 'CNY',
      lines: [{ productId: product.id, description: 'Tea', quantity: 1, unitPriceMinor: 100 }],
    });
    const activity = await api.work.activities.create({ channel: 'call', subject: 'Intro', occurredAt: 1_000, contactId: contact.id });

    // "Someone else" deletes each one after this user opened it at version 1.
    const edits: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ['contact', () => api.people.contacts.update({ id: contact.id, version: 1, patch: { jobTitle: 'Owner' } }), () => api.people.contacts.remove({ id: contact.id, version: 1 })],
      ['company', () => api.people.companies.update({ id: company.id, version: 1, patch: { name: 'Tea House Ltd' } }), () => api.people.companies.remove({ id: company.id, version: 1 })],
      ['deal', () => api.sales.deals.update({ id: deal.id, version: 1, patch: { title: 'Catering (big)' } }), () => api.sales.deals.remove({ id: deal.id, version: 1 })],
      ['deal move', () => api.sales.deals.move({ id: deal.id, version: 1, stageId: pipeline.stages[1]!.id }), () => api.sales.deals.remove({ id: deal.id, version: 1 })],
      ['product', () => sales.products.update({ id: product.id, version: 1, patch: { name: 'Green tea' } }), () => sales.products.remove({ id: product.id, version: 1 })],
      ['task', () => api.work.tasks.update({ id: task.id, version: 1, patch: { title: 'Call back today' } }), () => api.work.tasks.remove({ id: task.id, version: 1 })],
      ['task done', () => api.work.tasks.complete({ id: task.id, version: 1, done: true }), () => api.work.tasks.remove({ id: task.id, version: 1 })],
      ['note', () => api.people.notes.update({ id: note.id, version: 1, body: 'Likes oolong' }), () => api.people.notes.remove({ id: note.id, version: 1 })],
      ['order', () => sales.orders.update({ id: order.id, version: 1, patch: { note: 'Gift wrap' } }), () => sales.orders.remove({ id: order.id, version: 1 })],
      ['activity', () => api.work.activities.update({ id: activity.id, version: 1, patch: { subject: 'Intro call' } }), () => api.work.activities.remove({ id: activity.id, version: 1 })],
    ];
    await api.people.notes.remove({ id: note.id, version: 1 });
    await sales.orders.remove({ id: order.id, version: 1 });
    await api.work.activities.remove({ id: activity.id, version: 1 });
    await api.work.tasks.remove({ id: task.id, version: 1 });
    await sales.products.remove({ id: product.id, version: 1 });
    await api.sales.deals.remove({ id: deal.id, version: 1 });
    await api.people.contacts.remove({ id: contact.id, version: 1 });
    await api.people.companies.remove({ id: company.id, version: 1 });

    for (const [kind, update, remove] of edits) {
      for (const [what, call] of [['update', update], ['delete', remove]] as const) {
        const error = await rapportError(call);
        expect({ kind, what, code: error.code }).toEqual({ kind, what, code: 'CONFLICT' });
        expect(error.current?.deletedAt, `${kind} ${what}`).toEqual(expect.any(Number));
      }
    }
  });

  it('a record that never existed is still NOT_FOUND', async () => {
    const { api } = tempCore();
    expect((await rapportError(() => api.people.contacts.update({ id: 4242, version: 1, patch: { name: 'Nobody' } }))).code).toBe('NOT_FOUND');
  });
});

describe('a full disk', () => {
  it('is DISK_FULL, with nothing of the write committed', async () => {
    const { core, api } = tempCore();
    const { sqlite } = core.workspace;
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    // No small file system here: SQLite's own page limit makes the database "full" just the same.
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages + 2}`);
    let error: Awaited<ReturnType<typeof rapportError>> | undefined;
    let saved = 0;
    const before = { contacts: count('contacts'), audit: count('audit_log'), changes: count('changes') };
    for (let i = 0; i < 500 && !error; i++) {
      try {
        await api.people.contacts.create({ name: `Person ${i} ${'x'.repeat(150)}`, emails: [{ value: `p${i}@example.com` }] });
        saved++;
      } catch {
        error = await rapportError(() => api.people.contacts.create({ name: `Person ${i} ${'x'.repeat(150)}`, emails: [{ value: `p${i}@example.com` }] }));
      }
    }
    expect(error?.code).toBe('DISK_FULL');
    // Every contact saved before the disk filled has its audit and change rows; the failed one left nothing.
    expect(count('contacts')).toBe(before.contacts + saved);
    expect(count('audit_log')).toBe(before.audit + saved);
    expect(count('changes')).toBe(before.changes + saved);
    expect(sqlite.inTransaction).toBe(false);
  });

  it('ENOSPC from writing a backup is DISK_FULL too', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(rapportErrorFromSystem(enospc)?.code).toBe('DISK_FULL');
    expect(rapportErrorFromSystem(enospc)?.message).toBe('The disk holding the database is full; nothing was saved.');
  });
});
