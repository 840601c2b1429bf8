import { readsOf } from '../read/reads';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, RECORD_KIND_TRAITS, SEARCH_KINDS, TRASH_KINDS, type RecordKind } from '../contract/record-kinds';
import { tempCore } from '../test-support/temp-workspace';
import { removeRecord } from './record-removal';
import { definitionOf, incomingLinks, tableNameOf } from './registry';

type Api = ReturnType<typeof tempCore>['api'];

/**
 * One way to create a record of each kind, titled with a unique word so search can find it.
 * Keyed by every kind: a new kind does not compile here until it says how it is made.
 */
const CREATE: Record<RecordKind, (api: Api, word: string) => Promise<number>> = {
  contact: async (api, word) => (await api.people.contacts.create({ name: `Contact ${word}` })).id,
  company: async (api, word) => (await api.people.companies.create({ name: `Company ${word}` })).id,
  deal: async (api, word) => {
    const [pipeline] = await api.sales.pipelines.list();
    const contact = await api.people.contacts.create({ name: 'Deal customer' });
    return (await api.sales.deals.create({ title: `Deal ${word}`, contactId: contact.id, currency: 'USD', stageId: pipeline!.stages[0]!.id })).id;
  },
  note: async (api, word) => {
    const contact = await api.people.contacts.create({ name: 'Note owner' });
    return (await api.people.notes.create({ target: { kind: 'contact', id: contact.id }, body: `Note ${word}` })).id;
  },
  activity: async (api, word) => {
    const contact = await api.people.contacts.create({ name: 'Caller' });
    return (await api.work.activities.create({ channel: 'call', subject: `Call ${word}`, contactId: contact.id })).id;
  },
  task: async (api, word) => (await api.work.tasks.create({ title: `Task ${word}` })).id,
  order: async (api, word) => {
    const contact = await api.people.contacts.create({ name: 'Buyer' });
    const order = await api.sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'USD', note: word, lines: [{ description: 'Tea', quantity: 1, unitPriceMinor: 100 }] });
    return order.id;
  },
  product: async (api, word) => (await api.sales.products.create({ sku: `SKU-${word}`, name: `Product ${word}`, unitPriceMinor: 100, currency: 'USD' })).id,
  pipeline: async (api, word) =>
    (
      await api.sales.pipelines.create({
        name: `Pipeline ${word}`,
        stages: [
          { name: 'Open', probability: 10 },
          { name: 'Won', probability: 100, kind: 'won' },
          { name: 'Lost', probability: 0, kind: 'lost' },
        ],
      })
    ).id,
  stage: async (api, word) => {
    const [pipeline] = await api.sales.pipelines.list();
    const after = await api.sales.pipelines.stages.create({ pipelineId: pipeline!.id, name: `Stage ${word}`, probability: 50 });
    return after.stages.find((stage) => stage.name === `Stage ${word}`)!.id;
  },
};

describe('the record-kind registry', () => {
  it.each(RECORD_KINDS.map((kind) => [kind]))('%s: created, found, trashed, restored, purged, with its history', async (kind) => {
    const { api, core } = tempCore();
    const { sqlite } = core.workspace;
    const word = `zq${kind}xv`;
    const id = await CREATE[kind](api, word);
    const table = tableNameOf(kind);
    expect(sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE id = ?`).get(id)).toEqual({ n: 1 });
    expect(definitionOf(kind).read(readsOf(sqlite), id)).toMatchObject({ id });

    const history = await api.system.history({ kind, id });
    expect(history.at(-1)).toMatchObject({ action: 'create', tableName: table, rowId: id });
    expect(history.at(-1)!.changes.length).toBeGreaterThan(0);
    expect(history.flatMap((entry) => entry.changes.map((change) => change.field))).not.toContain('sortName');

    const searchable = (SEARCH_KINDS as readonly string[]).includes(kind);
    const found = async () => (await api.system.search({ query: word })).some((hit) => hit.kind === kind && hit.id === id);
    if (searchable) expect(await found()).toBe(true);

    if (!RECORD_KIND_TRAITS[kind].trash) return;
    const trashKind = kind as (typeof TRASH_KINDS)[number];
    removeRecord(core.workspace, trashKind, { id });
    const trash = await api.system.trash.list({ kind: trashKind });
    expect(trash.rows.map((row) => row.id)).toContain(id);
    expect(trash.rows.find((row) => row.id === id)!.title).toContain(kind === 'order' ? 'SO-' : word);
    if (searchable) expect(await found()).toBe(false);

    await api.system.trash.restoreMany({ items: [{ kind: trashKind, id }] });
    expect((await api.system.trash.list({ kind: trashKind })).rows.map((row) => row.id)).not.toContain(id);
    if (searchable) expect(await found()).toBe(true);
    expect((await api.system.history({ kind, id })).slice(0, 2).map((entry) => entry.action)).toEqual(['restore', 'delete']);

    removeRecord(core.workspace, trashKind, { id });
    expect(await api.system.trash.purge({ items: [{ kind: trashKind, id }] })).toEqual({ purged: 1 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE id = ?`).get(id)).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT action FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY id DESC LIMIT 1`).get(table, id)).toEqual({ action: 'purge' });
    if (searchable) expect(await found()).toBe(false);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('declares every foreign key between records as a link, so purge can never orphan a row', () => {
    const { core } = tempCore();
    const { sqlite } = core.workspace;
    const kindOfTable = new Map(RECORD_KINDS.map((kind) => [tableNameOf(kind), kind]));
    const declared = new Set(RECORD_KINDS.flatMap((kind) => incomingLinks(kind).map((link) => `${link.table}.${link.column}->${kind}`)));
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((row) => row.name);
    const missing: string[] = [];
    for (const table of tables) {
      for (const fk of sqlite.pragma(`foreign_key_list(${table})`) as { table: string; from: string; on_delete: string }[]) {
        const target = kindOfTable.get(fk.table);
        // Child rows deleted with their parent by the database itself need no link.
        if (!target || fk.on_delete === 'CASCADE' || fk.table === 'users') continue;
        if (!declared.has(`${table}.${fk.from}->${target}`)) missing.push(`${table}.${fk.from} -> ${fk.table}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('purges a record with what goes with it and unlinks what refers to it, audited and versioned', async () => {
    const { api, core } = tempCore();
    const { sqlite } = core.workspace;
    const company = await api.people.companies.create({ name: 'Cedar Florist' });
    const live = await api.people.contacts.create({ name: 'Li Na', companyId: company.id });
    const trashed = await api.people.contacts.create({ name: 'Wang Fang', companyId: company.id });
    const note = await api.people.notes.create({ target: { kind: 'company', id: company.id }, body: 'Pays on time' });
    await api.people.contacts.remove({ id: trashed.id });
    await api.people.companies.remove({ id: company.id });
    const seqBefore = (sqlite.prepare('SELECT max(seq) AS seq FROM changes').get() as { seq: number }).seq;
    await api.system.trash.purge({ items: [{ kind: 'company', id: company.id }] });

    for (const contact of [live, trashed]) {
      const row = sqlite.prepare('SELECT company_id, version FROM contacts WHERE id = ?').get(contact.id) as { company_id: number | null; version: number };
      expect(row.company_id).toBeNull();
      expect(row.version).toBeGreaterThan(contact.version);
      const [entry] = await api.system.history({ kind: 'contact', id: contact.id });
      expect(entry).toMatchObject({ action: 'update', changes: [{ field: 'companyId', before: company.id, after: null }] });
    }
    expect(sqlite.prepare('SELECT count(*) AS n FROM notes WHERE id = ?').get(note.id)).toEqual({ n: 0 });
    const changed = sqlite.prepare('SELECT table_name, row_id, op FROM changes WHERE seq > ? ORDER BY seq').all(seqBefore);
    expect(changed).toEqual(
      expect.arrayContaining([
        { table_name: 'notes', row_id: note.id, op: 'purge' },
        { table_name: 'contacts', row_id: live.id, op: 'update' },
        { table_name: 'contacts', row_id: trashed.id, op: 'update' },
        { table_name: 'companies', row_id: company.id, op: 'purge' },
      ]),
    );
  });

  it('restores a bulk delete in one transaction: all or nothing', async () => {
    const { api, core } = tempCore();
    const first = await api.people.contacts.create({ name: 'A' });
    const second = await api.people.contacts.create({ name: 'B' });
    await api.people.bulk.remove({ kind: 'contact', ids: [first.id, second.id] });
    // The second one is purged meanwhile: restoring both must restore neither.
    await api.system.trash.purge({ items: [{ kind: 'contact', id: second.id }] });
    await expect(api.system.trash.restoreMany({ items: [{ kind: 'contact', id: first.id }, { kind: 'contact', id: second.id }] })).rejects.toThrow();
    expect(core.workspace.sqlite.prepare('SELECT deleted_at IS NOT NULL AS trashed FROM contacts WHERE id = ?').get(first.id)).toEqual({ trashed: 1 });
    await api.system.trash.restoreMany({ items: [{ kind: 'contact', id: first.id }] });
    expect((await api.people.contacts.get({ id: first.id })).name).toBe('A');
  });
});
