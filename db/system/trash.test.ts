import { describe, expect, it } from 'vitest';
import { rapportError, tempCore } from '../test-support/temp-workspace';

describe('the Trash', () => {
  it('lists deleted contacts, companies and notes, newest first, and restores each kind', async () => {
    const { api } = tempCore();
    const company = await api.people.companies.create({ name: 'Harbor Bakery' });
    const contact = await api.people.contacts.create({ name: 'Emily Hall', companyId: company.id });
    const note = await api.people.notes.create({ target: { kind: 'contact', id: contact.id }, body: 'likes rye' });
    await api.people.notes.remove({ id: note.id });
    await api.people.contacts.remove({ id: contact.id });
    await api.people.companies.remove({ id: company.id });
    const trash = await api.system.trash.list({});
    expect(trash.rows.map((row) => `${row.kind}:${row.title}`).sort()).toEqual(['company:Harbor Bakery', 'contact:Emily Hall', 'note:likes rye']);
    expect((await api.system.trash.list({ kind: 'note' })).rows).toHaveLength(1);

    for (const row of trash.rows) await api.system.trash.restore({ kind: row.kind, id: row.id });
    expect((await api.system.trash.list({})).rows).toEqual([]);
    expect((await api.people.contacts.get({ id: contact.id })).companyName).toBe('Harbor Bakery');
    expect(await api.people.notes.list({ kind: 'contact', id: contact.id })).toHaveLength(1);
  });

  it('purges for good only what is in the Trash, unlinking contacts from a purged company', async () => {
    const { api, core } = tempCore();
    const company = await api.people.companies.create({ name: 'Cedar Florist' });
    const contact = await api.people.contacts.create({ name: 'Li Na', companyId: company.id });
    expect((await rapportError(() => api.system.trash.purge({ items: [{ kind: 'company', id: company.id }] }))).code).toBe('NOT_FOUND');
    await api.people.companies.remove({ id: company.id });
    expect(await api.system.trash.purge({ items: [{ kind: 'company', id: company.id }] })).toEqual({ purged: 1 });
    expect(core.workspace.sqlite.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 0 });
    const after = await api.people.contacts.get({ id: contact.id });
    expect(after.companyId).toBeNull();
    expect(core.workspace.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const { api } = tempCore();
    for (let i = 0; i < 5; i++) {
      const contact = await api.people.contacts.create({ name: `C${i}` });
      await api.people.contacts.remove({ id: contact.id });
    }
    const first = await api.system.trash.list({ limit: 3 });
    const second = await api.system.trash.list({ limit: 3, cursor: first.nextCursor! });
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(5);
  });
});
