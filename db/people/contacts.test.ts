import { describe, expect, it } from 'vitest';
import { rapportError, tempCore } from '../test-support/temp-workspace';

const count = (core: ReturnType<typeof tempCore>['core'], table: string) =>
  (core.workspace.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('contacts', () => {
  it('creates, reads, updates with the version it read, and records who changed what', async () => {
    const { api } = tempCore();
    const company = await api.people.companies.create({ name: '华美贸易有限公司' });
    const created = await api.people.contacts.create({
      name: '  张伟明 ',
      companyId: company.id,
      emails: [{ value: 'Wei.Zhang@Example.com' }],
      phones: [{ label: 'mobile', value: '+86 138-0013-8000' }],
      address: { city: '上海' },
      birthday: '1985-02-28',
      vip: true,
    });
    expect(created).toMatchObject({
      name: '张伟明',
      companyName: '华美贸易有限公司',
      emails: [{ label: 'work', value: 'wei.zhang@example.com' }],
      phones: [{ label: 'mobile', value: '+86 138-0013-8000' }],
      address: { city: '上海', street: null },
      lifecycle: 'lead',
      vip: true,
      version: 1,
      deletedAt: null,
    });

    const tag = await api.people.tags.create({ name: '老客户' });
    const updated = await api.people.contacts.update({
      id: created.id,
      version: 1,
      patch: { lifecycle: 'customer', tagIds: [tag.id], emails: [{ value: 'wz@example.cn' }] },
    });
    expect(updated).toMatchObject({ version: 2, lifecycle: 'customer', tags: [{ name: '老客户' }], phones: created.phones });
    expect(updated.emails).toEqual([{ label: 'work', value: 'wz@example.cn' }]);

    const history = await api.system.history({ kind: 'contact', id: created.id });
    expect(history[0]).toMatchObject({ action: 'update', userName: 'Owner' });
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'lifecycle', before: 'lead', after: 'customer' },
        { field: 'emails', before: ['wei.zhang@example.com'], after: ['wz@example.cn'] },
        { field: 'tags', before: [], after: ['老客户'] },
      ]),
    );
    expect(history.at(-1)).toMatchObject({ action: 'create' });
  });

  it('refuses a stale version with CONFLICT carrying the current record, and writes nothing', async () => {
    const { api, core } = tempCore();
    const contact = await api.people.contacts.create({ name: 'Mary Smith' });
    await api.people.contacts.update({ id: contact.id, version: 1, patch: { jobTitle: 'Buyer' } });
    const auditBefore = count(core, 'audit_log');
    const error = await rapportError(() => api.people.contacts.update({ id: contact.id, version: 1, patch: { jobTitle: 'Owner' } }));
    expect(error.code).toBe('CONFLICT');
    expect(error.current).toMatchObject({ id: contact.id, version: 2, jobTitle: 'Buyer' });
    expect((await api.people.contacts.get({ id: contact.id })).jobTitle).toBe('Buyer');
    expect(count(core, 'audit_log')).toBe(auditBefore);
  });

  it('soft-deletes to the Trash and restores, bumping the version each time', async () => {
    const { api } = tempCore();
    const contact = await api.people.contacts.create({ name: 'John Lee' });
    await api.people.contacts.remove({ id: contact.id, version: 1 });
    expect((await rapportError(() => api.people.contacts.get({ id: contact.id }))).code).toBe('NOT_FOUND');
    expect((await api.people.contacts.list({})).total).toBe(0);
    expect((await api.system.search({ query: 'John' })).length).toBe(0);
    expect((await api.system.trash.list({})).rows).toMatchObject([{ kind: 'contact', id: contact.id, title: 'John Lee' }]);

    const restored = await api.people.contacts.restore({ id: contact.id });
    expect(restored).toMatchObject({ deletedAt: null, version: 3 });
    expect((await api.system.search({ query: 'John' })).map((hit) => hit.id)).toEqual([contact.id]);
    const actions = (await api.system.history({ kind: 'contact', id: contact.id })).map((entry) => entry.action);
    expect(actions).toEqual(['restore', 'delete', 'create']);
  });

  it('appends every write to the change feed with a growing seq', async () => {
    const { api, core } = tempCore();
    const a = await api.people.contacts.create({ name: 'A' });
    await api.people.contacts.update({ id: a.id, version: 1, patch: { name: 'B' } });
    await api.people.contacts.remove({ id: a.id });
    const feed = core.workspace.sqlite.prepare(`SELECT seq, table_name, row_id, op FROM changes WHERE table_name = 'contacts' ORDER BY seq`).all() as {
      seq: number;
      op: string;
    }[];
    expect(feed.map((row) => row.op)).toEqual(['insert', 'update', 'delete']);
    expect(feed.map((row) => row.seq)).toEqual([...feed.map((row) => row.seq)].sort((x, y) => x - y));
  });

  it('lists with keyset pages, sorts and filters', async () => {
    const { api } = tempCore();
    const vipTag = await api.people.tags.create({ name: 'VIP' });
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'foxtrot', 'golf'];
    for (const [index, name] of names.entries()) {
      await api.people.contacts.create({ name, vip: index % 2 === 0, lifecycle: index < 3 ? 'customer' : 'lead', tagIds: index === 1 ? [vipTag.id] : [] });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let first = true;
    do {
      const page = await api.people.contacts.list({ limit: 3, ...(cursor ? { cursor } : {}) });
      if (first) expect(page.total).toBe(7);
      first = false;
      seen.push(...page.rows.map((row) => row.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf']);

    const desc = await api.people.contacts.list({ sort: 'name', order: 'desc', limit: 2 });
    expect(desc.rows.map((row) => row.name)).toEqual(['golf', 'foxtrot']);
    expect((await api.people.contacts.list({ vip: true })).rows.map((row) => row.name)).toEqual(['charlie', 'delta', 'echo', 'golf']);
    expect((await api.people.contacts.list({ lifecycle: 'customer' })).rows.map((row) => row.name)).toEqual(['Alpha', 'charlie', 'delta']);
    expect((await api.people.contacts.list({ tagId: vipTag.id })).rows.map((row) => row.name)).toEqual(['Alpha']);
    expect((await api.people.contacts.list({ search: 'ch' })).rows.map((row) => row.name)).toEqual(['charlie', 'echo']);
  });

  it('warns about an existing email or phone, whatever its punctuation', async () => {
    const { api } = tempCore();
    const existing = await api.people.contacts.create({ name: 'Wang Fang', emails: [{ value: 'fang@shop.cn' }], phones: [{ value: '138 0013 8000' }] });
    const matches = await api.people.contacts.duplicates({ emails: ['FANG@shop.cn'], phones: ['+(138)-0013-8000'] });
    expect(matches).toEqual(
      expect.arrayContaining([
        { contactId: existing.id, name: 'Wang Fang', matched: 'FANG@shop.cn', field: 'email' },
        expect.objectContaining({ contactId: existing.id, field: 'phone' }),
      ]),
    );
    expect(await api.people.contacts.duplicates({ emails: ['fang@shop.cn'], excludeId: existing.id })).toEqual([]);
  });

  it('bulk-tags and bulk-deletes in one transaction each', async () => {
    const { api } = tempCore();
    const tag = await api.people.tags.create({ name: 'Newsletter' });
    const ids: number[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await api.people.contacts.create({ name })).id);
    expect(await api.people.bulk.tag({ kind: 'contact', ids, tagId: tag.id })).toEqual({ count: 3 });
    expect((await api.people.contacts.list({ tagId: tag.id })).total).toBe(3);
    // One unknown id: nothing at all is deleted.
    expect((await rapportError(() => api.people.bulk.remove({ kind: 'contact', ids: [...ids, 9999] }))).code).toBe('NOT_FOUND');
    expect((await api.people.contacts.list({})).total).toBe(3);
    expect(await api.people.bulk.remove({ kind: 'contact', ids })).toEqual({ count: 3 });
    expect((await api.people.contacts.list({})).total).toBe(0);
  });

  it('keeps notes on a contact, searchable, editable and deletable', async () => {
    const { api } = tempCore();
    const contact = await api.people.contacts.create({ name: 'Sarah King' });
    const note = await api.people.notes.create({ target: { kind: 'contact', id: contact.id }, body: '下次来店时赠送小礼品' });
    expect(note).toMatchObject({ contactId: contact.id, authorName: 'Owner', version: 1 });
    expect((await api.system.search({ query: '礼品' }))[0]).toMatchObject({ kind: 'note', id: note.id, parent: { kind: 'contact', id: contact.id } });
    const edited = await api.people.notes.update({ id: note.id, version: 1, body: 'Call back Friday' });
    expect(edited.body).toBe('Call back Friday');
    await api.people.notes.remove({ id: note.id });
    expect(await api.people.notes.list({ kind: 'contact', id: contact.id })).toEqual([]);
  });
});
