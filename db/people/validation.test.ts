import { describe, expect, it } from 'vitest';
import { rapportError, tempCore } from '../test-support/temp-workspace';

const written = (core: ReturnType<typeof tempCore>['core']) =>
  core.workspace.sqlite.prepare(`SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM companies) + (SELECT count(*) FROM audit_log) AS n`).get();

describe('bad input gets VALIDATION with the field path and writes nothing', () => {
  const cases: [string, unknown, string][] = [
    ['empty name', { name: '   ' }, 'name'],
    ['missing name', {}, 'name'],
    ['malformed email', { name: 'A', emails: [{ value: 'not-an-email' }] }, 'emails.0.value'],
    ['phone with letters', { name: 'A', phones: [{ value: 'call me maybe' }] }, 'phones.0.value'],
    ['phone too short', { name: 'A', phones: [{ value: '12' }] }, 'phones.0.value'],
    ['absurdly long name', { name: 'x'.repeat(201) }, 'name'],
    ['wrong type', { name: 42 }, 'name'],
    ['unknown lifecycle', { name: 'A', lifecycle: 'friend' }, 'lifecycle'],
    ['impossible birthday', { name: 'A', birthday: '2023-02-30' }, 'birthday'],
    ['unknown company', { name: 'A', companyId: 424242 }, 'companyId'],
    ['unknown owner', { name: 'A', ownerId: 424242 }, 'ownerId'],
    ['unknown tag', { name: 'A', tagIds: [424242] }, 'tagIds.0'],
    ['too many emails', { name: 'A', emails: Array.from({ length: 11 }, (_, i) => ({ value: `a${i}@b.co` })) }, 'emails'],
  ];

  for (const [label, input, path] of cases) {
    it(`contact create: ${label}`, async () => {
      const { api, core } = tempCore();
      const before = written(core);
      const error = await rapportError(() => api.people.contacts.create(input as never));
      expect(error.code).toBe('VALIDATION');
      expect(error.issues?.map((issue) => issue.path)).toContain(path);
      expect(written(core)).toEqual(before);
    });
  }

  it('update with an unknown id is NOT_FOUND; with bad fields is VALIDATION; both write nothing', async () => {
    const { api, core } = tempCore();
    const contact = await api.people.contacts.create({ name: 'A' });
    const before = written(core);
    expect((await rapportError(() => api.people.contacts.update({ id: 999, version: 1, patch: { name: 'B' } }))).code).toBe('NOT_FOUND');
    const error = await rapportError(() => api.people.contacts.update({ id: contact.id, version: 1, patch: { name: '' } }));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'patch.name' }] });
    expect((await rapportError(() => api.people.contacts.update({ id: -1, version: 1, patch: {} }))).code).toBe('VALIDATION');
    expect(written(core)).toEqual(before);
  });

  it('company create validates its email and phone', async () => {
    const { api, core } = tempCore();
    const before = written(core);
    expect((await rapportError(() => api.people.companies.create({ name: 'Shop', email: 'nope' }))).issues?.[0]?.path).toBe('email');
    expect((await rapportError(() => api.people.companies.create({ name: '' }))).issues?.[0]?.path).toBe('name');
    expect(written(core)).toEqual(before);
  });

  it('a forged cursor is refused', async () => {
    const { api } = tempCore();
    expect((await rapportError(() => api.people.contacts.list({ cursor: 'garbage' }))).code).toBe('VALIDATION');
  });
});
