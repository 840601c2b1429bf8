import { describe, expect, it } from 'vitest';
import { rapportError, tempCore } from '../test-support/temp-workspace';

describe('companies', () => {
  it('creates, updates with versions, lists its contacts and filters by tag', async () => {
    const { api } = tempCore();
    const tag = await api.people.tags.create({ name: 'Wholesale', color: '#2563eb' });
    const company = await api.people.companies.create({ name: '恒通五金商行', phone: '021 5555 0101', address: { city: '上海' }, tagIds: [tag.id] });
    expect(company).toMatchObject({ name: '恒通五金商行', tags: [{ name: 'Wholesale' }], address: { city: '上海' }, version: 1 });
    await api.people.contacts.create({ name: '王芳', companyId: company.id });
    await api.people.contacts.create({ name: '李强', companyId: company.id });
    expect((await api.people.companies.contacts({ id: company.id })).map((row) => row.name).sort()).toEqual(['李强', '王芳'].sort());
    const list = await api.people.companies.list({ tagId: tag.id });
    expect(list.rows).toMatchObject([{ name: '恒通五金商行', contactCount: 2, city: '上海' }]);

    const updated = await api.people.companies.update({ id: company.id, version: 1, patch: { industry: 'Retail' } });
    expect(updated.version).toBe(2);
    const stale = await rapportError(() => api.people.companies.update({ id: company.id, version: 1, patch: { industry: 'Services' } }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.current).toMatchObject({ industry: 'Retail', version: 2 });
    const history = await api.system.history({ kind: 'company', id: company.id });
    expect(history[0]!.changes).toEqual([{ field: 'industry', before: null, after: 'Retail' }]);
  });

  it('bulk-tags companies and finds them by phone digits', async () => {
    const { api } = tempCore();
    const tag = await api.people.tags.create({ name: 'Key account' });
    const a = await api.people.companies.create({ name: 'Summit Fitness', phone: '+44 20 7946 0018' });
    const b = await api.people.companies.create({ name: 'Oak Dental Clinic' });
    expect(await api.people.bulk.tag({ kind: 'company', ids: [a.id, b.id], tagId: tag.id })).toEqual({ count: 2 });
    expect(await api.people.bulk.tag({ kind: 'company', ids: [a.id], tagId: tag.id, add: false })).toEqual({ count: 1 });
    expect((await api.people.companies.list({ tagId: tag.id })).rows.map((row) => row.name)).toEqual(['Oak Dental Clinic']);
    expect((await api.system.search({ query: '2079460018' })).map((hit) => hit.id)).toEqual([a.id]);
  });
});
