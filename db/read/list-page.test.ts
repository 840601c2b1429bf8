import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../api/core';
import { appRouter } from '../api/router';
import { LIFECYCLE_STAGES, type ContactListInput } from '../contract/people';
import { seedLargeWorkspace } from '../bench/seed';
import { matchingIdsSql, unindexRecord } from '../search/index';
import { CANDIDATE_LIMIT, TOTAL_CAP, planSearch } from './list-page';
import { rankSql } from './keyset';
import { readsOf } from './reads';
import { contactListSpec } from '../people/contacts';

/**
 * The flat list page against brute force on a seeded file big enough for both search plans (a
 * bounded candidate set and the walk along the sort index) and for the capped total: the first
 * page and the next are exactly the first rows of every live match sorted with ties by id.
 */

const CONTACTS = 12_000;
type Sort = NonNullable<ContactListInput['sort']>;
type Order = 'asc' | 'desc';

let setup: ReturnType<typeof seededFile>;
beforeAll(async () => {
  setup = seededFile();
  await addFoldedNames();
}, 60_000);
afterAll(() => {
  setup.core.close();
  fs.rmSync(setup.dir, { recursive: true, force: true });
});

/** One seeded file for the whole suite (the per-test temp workspaces close after each test). */
function seededFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-list-page-'));
  const core = openCore(path.join(dir, 'rapport.db'), { probeLocks: false });
  const api = appRouter.createCaller(core.context());
  const { sqlite } = core.workspace;
  seedLargeWorkspace(sqlite, { contacts: CONTACTS, companies: 1_500 }, core.workspace.userId);
  // Trashed rows keep their index rows here (the seeder writes them directly): the list must still leave them out.
  sqlite.prepare('UPDATE contacts SET deleted_at = 1 WHERE id % 17 = 0').run();
  // Trashed as the app trashes: the index loses their entries.
  for (const id of sqlite.prepare('SELECT id FROM contacts WHERE deleted_at IS NOT NULL').pluck().all() as number[]) unindexRecord(sqlite, 'contact', id);
  // Ties on the sort key: the id decides.
  sqlite.prepare('UPDATE contacts SET updated_at = 1000 WHERE id % 3 = 0').run();
  const names = sqlite.prepare('SELECT sort_name FROM contacts WHERE id % 97 = 1').pluck().all() as string[];
  return { dir, core, api, sqlite, names };
}

/** Letters the index folds (Å → a, é → e, ǖ kept by the trigram index), added through the write path. */
async function addFoldedNames() {
  for (const name of ['Ångström Lång', 'Émile Zoë', 'Lǖ Hǎo', 'ANGELA ÉLAN', 'Ｆｕｌｌ Ｗｉｄｔｈ']) {
    const contact = await setup.api.people.contacts.create({ name });
    setup.names.push(contact.name.toLowerCase());
  }
}

const BRUTE_ORDER: Record<Sort, (order: Order) => string> = {
  name: (order) => `c.sort_name ${order}, c.id ${order}`,
  updatedAt: (order) => `c.updated_at ${order}, c.id ${order}`,
  createdAt: (order) => `c.created_at ${order}, c.id ${order}`,
  lifecycle: (order) => `${rankSql('c.lifecycle', LIFECYCLE_STAGES)} ${order}, c.sort_name ${order}, c.id ${order}`,
};

/** Every live match, sorted: the old way (all matches collected, then sorted). */
function bruteForce(search: string | undefined, sort: Sort, order: Order, lifecycle: string | undefined): number[] {
  const where = ['c.deleted_at IS NULL'];
  const params: (string | number | bigint)[] = [];
  if (lifecycle) {
    where.push('c.lifecycle = ?');
    params.push(lifecycle);
  }
  const match = search ? matchingIdsSql('contact', search) : null;
  if (match) {
    where.push(`c.id IN (${match.sql})`);
    params.push(...match.params);
  }
  return setup.sqlite.prepare(`SELECT c.id FROM contacts c WHERE ${where.join(' AND ')} ORDER BY ${BRUTE_ORDER[sort](order)}`).pluck().all(...params) as number[];
}

async function expectLikeBruteForce(search: string | undefined, sort: Sort, order: Order, lifecycle?: (typeof LIFECYCLE_STAGES)[number]) {
  const expected = bruteForce(search, sort, order, lifecycle);
  const first = await setup.api.people.contacts.list({ search, sort, order, lifecycle, limit: 50 });
  const label = `${JSON.stringify(search)} by ${sort} ${order}${lifecycle ? ` (${lifecycle})` : ''}`;
  expect(first.rows.map((row) => row.id), label).toEqual(expected.slice(0, 50));
  if (expected.length > TOTAL_CAP) expect({ total: first.total, atLeast: first.totalAtLeast }, label).toEqual({ total: null, atLeast: TOTAL_CAP });
  else expect({ total: first.total, atLeast: first.totalAtLeast }, label).toEqual({ total: expected.length, atLeast: null });
  if (!first.nextCursor) {
    expect(expected.length, label).toBeLessThanOrEqual(50);
    return;
  }
  const second = await setup.api.people.contacts.list({ search, sort, order, lifecycle, limit: 50, cursor: first.nextCursor });
  expect(second.rows.map((row) => row.id), `${label}, page 2`).toEqual(expected.slice(50, 100));
}

describe('flat list pages', () => {
  it('covers both search plans and the capped total on this file', () => {
    const plan = (query: string) => planSearch(readsOf(setup.sqlite), 'contact', query, contactListSpec({ sort: 'name', order: 'asc', limit: 50 }).source.id).mode;
    expect(plan('a')).toBe('walk');
    expect(plan('zhang wei')).toBe('candidates');
    expect(plan('nobody-here')).toBe('candidates');
    expect(bruteForce('a', 'name', 'asc', undefined).length).toBeGreaterThan(CANDIDATE_LIMIT);
    expect(bruteForce(undefined, 'name', 'asc', undefined).length).toBeGreaterThan(TOTAL_CAP);
  });

  it('one-, two- and three-letter and Chinese searches give the first rows of every sort, both ways', async () => {
    // Mixed lengths need both indexes; a phone number also matches as bare digits.
    for (const search of [undefined, 'a', 'an', 'ang', '王', 'li', '138', 'zhang wei', 'nobody-here', 'a wang', 'li 13', '+86 138 0', '20 7', 'ström', 'strom', 'emile', 'zoe', 'é', 'lǖ', 'lu', 'angela', 'ｗｉｄ', 'wid', 'a ström', 'a strom', 'e emile', 'a zoe', 'o hǎo', 'o hao', 'l angela', 'w ｗｉｄ', 'a élan']) {
      for (const sort of ['name', 'updatedAt', 'createdAt', 'lifecycle'] as const) {
        for (const order of ['asc', 'desc'] as const) await expectLikeBruteForce(search, sort, order);
      }
    }
  }, 60_000);

  it('any short piece of a stored name, with or without a lifecycle filter, pages like brute force (property)', async () => {
    const piece = fc
      .tuple(fc.constantFrom(...setup.names), fc.nat(), fc.integer({ min: 1, max: 3 }))
      .map(([name, start, length]) => {
        const chars = Array.from(name);
        const from = start % chars.length;
        return chars.slice(from, from + length).join('');
      });
    // One piece or two (a short and a long word must both hit, through different indexes).
    const search = fc.oneof(piece, fc.tuple(piece, piece).map(([a, b]) => `${a} ${b}`));
    await fc.assert(
      fc.asyncProperty(
        search,
        fc.constantFrom<Sort>('name', 'updatedAt', 'createdAt', 'lifecycle'),
        fc.constantFrom<Order>('asc', 'desc'),
        fc.option(fc.constantFrom(...LIFECYCLE_STAGES), { nil: undefined }),
        async (search, sort, order, lifecycle) => expectLikeBruteForce(search, sort, order, lifecycle),
      ),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);

  it('counts exactly on demand past the cap', async () => {
    const live = bruteForce(undefined, 'name', 'asc', undefined).length;
    const capped = await setup.api.people.contacts.list({});
    expect(capped).toMatchObject({ total: null, totalAtLeast: TOTAL_CAP });
    expect(await setup.api.people.contacts.list({ exactTotal: true })).toMatchObject({ total: live, totalAtLeast: null });
    const dense = bruteForce('a', 'name', 'asc', undefined).length;
    expect(await setup.api.people.contacts.list({ search: 'a', exactTotal: true })).toMatchObject({ total: dense, totalAtLeast: null });
    // A phone number matches as typed and as digits: the two are counted once each.
    const phone = bruteForce('138', 'name', 'asc', undefined).length;
    expect(await setup.api.people.contacts.list({ search: '138', exactTotal: true })).toMatchObject({ total: phone });
  });
});
