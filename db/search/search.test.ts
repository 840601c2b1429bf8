import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempCore } from '../test-support/temp-workspace';
import { queryAlternatives, shortGrams } from './text';

describe('search', () => {
  it('finds Latin and Chinese substrings, including one and two characters', async () => {
    const { api } = tempCore();
    const zhang = await api.people.contacts.create({ name: '张伟明', emails: [{ value: 'zwm@huamei.cn' }] });
    const wang = await api.people.contacts.create({ name: 'Robert Wang' });
    const company = await api.people.companies.create({ name: '华美贸易有限公司' });
    const ids = async (query: string) => (await api.system.search({ query })).map((hit) => `${hit.kind}:${hit.id}`);
    expect(await ids('张伟')).toEqual([`contact:${zhang.id}`]);
    expect(await ids('张')).toEqual([`contact:${zhang.id}`]);
    expect(await ids('伟明')).toEqual([`contact:${zhang.id}`]);
    expect(await ids('ang')).toEqual([`contact:${wang.id}`]);
    expect(await ids('AN')).toEqual([`contact:${wang.id}`]);
    expect(await ids('w')).toEqual(expect.arrayContaining([`contact:${zhang.id}`, `contact:${wang.id}`]));
    expect(await ids('huamei')).toEqual([`contact:${zhang.id}`]);
    expect(await ids('贸易')).toEqual([`company:${company.id}`]);
    expect(await ids('robert wang')).toEqual([`contact:${wang.id}`]);
    expect(await ids('wang robert')).toEqual([`contact:${wang.id}`]);
    expect(await ids('nobody')).toEqual([]);
    expect(await ids('   ')).toEqual([]);
    expect(await ids('"')).toEqual([]);
  });

  it('treats control characters in a query as spaces: a NUL is text, not the end of the FTS5 query', async () => {
    const { api } = tempCore();
    const wang = await api.people.contacts.create({ name: 'Robert Wang' });
    for (const query of ['\u0000', 'Wang\u0000', 'Rob\u0000ert', '\u0007"\u0000', 'w\u0000']) {
      await expect(api.system.search({ query })).resolves.toBeInstanceOf(Array);
      await expect(api.people.contacts.list({ search: query })).resolves.toMatchObject({ rows: expect.any(Array) });
      await expect(api.people.companies.list({ search: query })).resolves.toMatchObject({ rows: expect.any(Array) });
      await expect(api.sales.deals.list({ search: query })).resolves.toMatchObject({ rows: expect.any(Array) });
      await expect(api.sales.products.list({ search: query })).resolves.toMatchObject({ rows: expect.any(Array) });
    }
    expect((await api.system.search({ query: 'Wang\u0000' })).map((hit) => hit.id)).toEqual([wang.id]);
    expect((await api.people.contacts.list({ search: 'rob\u0000wang' })).rows.map((row) => row.id)).toEqual([wang.id]);
  });

  it('matches phones with and without punctuation or spaces', async () => {
    const { api } = tempCore();
    const contact = await api.people.contacts.create({ name: 'Li Na', phones: [{ value: '+86 (138) 0013-8000' }] });
    for (const query of ['13800138000', '138 0013 8000', '138-0013', '(138)', '8000', '+86 138']) {
      expect((await api.system.search({ query })).map((hit) => hit.id), query).toEqual([contact.id]);
    }
  });

  it('follows renames, deletes and restores inside the same transaction', async () => {
    const { api } = tempCore();
    const company = await api.people.companies.create({ name: 'Maple Bakery' });
    const contact = await api.people.contacts.create({ name: 'Emily Hall', companyId: company.id });
    await api.people.companies.update({ id: company.id, version: 1, patch: { name: 'Cedar Florist' } });
    expect((await api.system.search({ query: 'cedar', kinds: ['contact'] })).map((hit) => hit.id)).toEqual([contact.id]);
    expect(await api.system.search({ query: 'maple' })).toEqual([]);
  });

  it('every substring of a stored name finds it (property)', async () => {
    const { api } = tempCore();
    const alphabet = fc.constantFrom(...'abcdeWXYZ张伟明华美李娜 -.0123'.split(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(alphabet, { minLength: 1, maxLength: 14 }).map((chars) => chars.join('')),
        fc.nat(),
        fc.nat(),
        async (raw, a, b) => {
          const name = raw.trim() || 'x';
          const contact = await api.people.contacts.create({ name });
          const start = a % name.length;
          const end = start + 1 + (b % (name.length - start));
          const query = name.slice(start, end);
          const hasWordChar = /[\p{L}\p{N}]/u.test(query);
          const hits = await api.system.search({ query, kinds: ['contact'], limit: 100 });
          if (hasWordChar) expect(hits.map((hit) => hit.id)).toContain(contact.id);
          await api.people.contacts.remove({ id: contact.id });
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });

  it('splits queries into trigram and short terms, with a digits-only alternative for phones', () => {
    expect(queryAlternatives('Zhang 伟')).toEqual([{ long: ['zhang'], short: ['伟'] }]);
    expect(queryAlternatives('+86 138-0013')).toEqual([
      { long: ['+86', '138-0013'], short: [] },
      { long: ['861380013'], short: [] },
    ]);
    expect(queryAlternatives('3-1')).toEqual([{ long: ['3-1'], short: [] }]);
    expect(queryAlternatives('  ')).toEqual([]);
    expect(shortGrams('Wang 张伟')).toBe('w wa a an n ng g 张 张伟 伟');
  });
});
