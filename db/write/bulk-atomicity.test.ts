import { describe, expect, it } from 'vitest';
import { databaseContents } from '../test-support/record-snapshot';
import { rapportError, tempCore } from '../test-support/temp-workspace';

const MISSING = 999_999;

/** Three contacts with a deal each; the bulk operations below fail on their middle item. */
async function seeded() {
  const { api, core } = tempCore();
  const [pipeline] = await api.sales.pipelines.list();
  const owner = (await api.system.workspace.info()).currentUser!;
  const contacts = [];
  const deals = [];
  for (const name of ['Ann', 'Bo', 'Cai']) {
    const contact = await api.people.contacts.create({ name });
    contacts.push(contact);
    deals.push(await api.sales.deals.create({ title: `${name}'s order`, contactId: contact.id, currency: 'USD', stageId: pipeline!.stages[0]!.id, ownerId: owner.id }));
  }
  const tag = await api.people.tags.create({ name: 'vip' });
  return { api, sqlite: core.workspace.sqlite, contacts, deals, tag };
}

/** Runs a bulk call whose middle item fails and checks the file holds exactly what it held before. */
async function expectAllOrNothing(sqlite: import('better-sqlite3').Database, run: () => Promise<unknown>, code: string) {
  const before = databaseContents(sqlite);
  expect((await rapportError(run)).code).toBe(code);
  expect(databaseContents(sqlite)).toEqual(before);
}

describe('bulk operations are one transaction: a failure midway leaves nothing half-done', () => {
  it('bulk delete of contacts and of deals', async () => {
    const { api, sqlite, contacts, deals } = await seeded();
    await expectAllOrNothing(sqlite, () => api.people.bulk.remove({ kind: 'contact', ids: [contacts[0]!.id, MISSING, contacts[2]!.id] }), 'NOT_FOUND');
    await expectAllOrNothing(sqlite, () => api.sales.deals.bulkRemove({ ids: [deals[0]!.id, MISSING, deals[2]!.id] }), 'NOT_FOUND');
    // The same batches without the bad item go through whole.
    expect(await api.people.bulk.remove({ kind: 'contact', ids: [contacts[0]!.id, contacts[2]!.id] })).toEqual({ count: 2 });
  });

  it('bulk restore (the Undo of a bulk delete)', async () => {
    const { api, sqlite, contacts } = await seeded();
    await api.people.bulk.remove({ kind: 'contact', ids: [contacts[0]!.id, contacts[2]!.id] });
    // The middle contact was never deleted, so it cannot be restored.
    const items = contacts.map((contact) => ({ kind: 'contact' as const, id: contact.id }));
    await expectAllOrNothing(sqlite, () => api.system.trash.restoreMany({ items }), 'NOT_FOUND');
    expect(await api.system.trash.restoreMany({ items: [items[0]!, items[2]!] })).toEqual({ count: 2 });
  });

  it('bulk tag', async () => {
    const { api, sqlite, contacts, tag } = await seeded();
    await expectAllOrNothing(sqlite, () => api.people.bulk.tag({ kind: 'contact', ids: [contacts[0]!.id, MISSING, contacts[2]!.id], tagId: tag.id }), 'NOT_FOUND');
    expect(await api.people.bulk.tag({ kind: 'contact', ids: [contacts[0]!.id, contacts[2]!.id], tagId: tag.id })).toEqual({ count: 2 });
  });

  it('bulk owner change', async () => {
    const { api, sqlite, deals } = await seeded();
    await expectAllOrNothing(sqlite, () => api.sales.deals.bulkOwner({ ids: [deals[0]!.id, MISSING, deals[2]!.id], ownerId: null }), 'NOT_FOUND');
    expect(await api.sales.deals.bulkOwner({ ids: [deals[0]!.id, deals[2]!.id], ownerId: null })).toEqual({ count: 2 });
  });

  it('purging several records from the Trash', async () => {
    const { api, sqlite, contacts, deals } = await seeded();
    await api.sales.deals.bulkRemove({ ids: [deals[0]!.id, deals[2]!.id] });
    await api.system.trash.purge({ items: [deals[0]!, deals[2]!].map((deal) => ({ kind: 'deal' as const, id: deal.id })) });
    await api.people.bulk.remove({ kind: 'contact', ids: contacts.map((contact) => contact.id) });
    // The middle contact's deal is live, so it blocks purging that contact.
    const items = contacts.map((contact) => ({ kind: 'contact' as const, id: contact.id }));
    const before = databaseContents(sqlite);
    const refused = await rapportError(() => api.system.trash.purge({ items }));
    expect(['VALIDATION', 'CONFLICT']).toContain(refused.code);
    expect(databaseContents(sqlite)).toEqual(before);
    expect(await api.system.trash.purge({ items: [items[0]!, items[2]!] })).toBeTruthy();
    expect(sqlite.prepare('SELECT id FROM contacts').all()).toEqual([{ id: contacts[1]!.id }]);
  });
});
