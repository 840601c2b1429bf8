import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../api/core';
import { appRouter } from '../api/router';
import type { ContactListInput } from '../contract/people';
import { seedLargeWorkspace } from '../bench/seed';
import { matchingIdsSql } from '../search/index';
import { CANDIDATE_LIMIT, WALK_LIMIT, WALK_MAX, planSearch } from './list-page';
import { contactListSpec } from '../people/contacts';
import { readsOf } from './reads';
import { searchHitCalls } from './search-hit';

/**
 * The walk's worst case (issue 7 §8): a dense search whose matches all sort late. Every "example.cn"
 * address belongs to a Chinese name, and Chinese names sort after the Latin ones, so walking the
 * names from the start tests every Latin contact before the first match. The page must test at most
 * `WALK_LIMIT` rows there (it met no match, so it does not walk on to `WALK_MAX`; counted through
 * `rapport_search_hit`, not timed) and still give exactly the first rows of every match.
 */

const CONTACTS = 20_000;
type Sort = NonNullable<ContactListInput['sort']>;

let setup: { dir: string; core: ReturnType<typeof openCore>; api: ReturnType<typeof appRouter.createCaller> };
beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-list-walk-'));
  const core = openCore(path.join(dir, 'rapport.db'), { probeLocks: false });
  seedLargeWorkspace(core.workspace.sqlite, { contacts: CONTACTS, companies: 500 }, core.workspace.userId);
  core.workspace.sqlite.prepare('UPDATE contacts SET deleted_at = 1 WHERE id % 23 = 0').run();
  setup = { dir, core, api: appRouter.createCaller(core.context()) };
}, 120_000);
afterAll(() => {
  setup.core.close();
  fs.rmSync(setup.dir, { recursive: true, force: true });
});

const ORDER: Record<Sort, string> = {
  name: 'c.sort_name, c.id',
  updatedAt: 'c.updated_at, c.id',
  createdAt: 'c.created_at, c.id',
  lifecycle: `(CASE c.lifecycle WHEN 'lead' THEN 0 WHEN 'prospect' THEN 1 WHEN 'customer' THEN 2 WHEN 'inactive' THEN 3 ELSE 4 END), c.sort_name, c.id`,
};

/** Every live match sorted, the old way; and every live contact in the same order. */
function bruteForce(search: string, sort: Sort, order: 'asc' | 'desc'): { matches: number[]; all: number[] } {
  const match = matchingIdsSql('contact', search)!;
  const by = ORDER[sort].split(', ').map((key) => `${key} ${order}`).join(', ');
  const { sqlite } = setup.core.workspace;
  return {
    matches: sqlite.prepare(`SELECT c.id FROM contacts c WHERE c.deleted_at IS NULL AND c.id IN (${match.sql}) ORDER BY ${by}`).pluck().all(...match.params) as number[],
    all: sqlite.prepare(`SELECT c.id FROM contacts c WHERE c.deleted_at IS NULL ORDER BY ${by}`).pluck().all() as number[],
  };
}

/** The first two pages, with the number of rows the search tested for each. */
async function twoPages(search: string, sort: Sort, order: 'asc' | 'desc') {
  let before = searchHitCalls.count;
  const first = await setup.api.people.contacts.list({ search, sort, order, limit: 50 });
  const firstTested = searchHitCalls.count - before;
  before = searchHitCalls.count;
  const second = await setup.api.people.contacts.list({ search, sort, order, limit: 50, cursor: first.nextCursor! });
  return { first, second, tested: Math.max(firstTested, searchHitCalls.count - before) };
}

describe('a dense search whose matches sort late', () => {
  it('tests at most WALK_LIMIT rows and gives exactly the first rows of every match', async () => {
    const { matches, all } = bruteForce('example.cn', 'name', 'asc');
    // The case itself: more matches than candidates (so the page walks), and far more non-matching rows
    // before the first match than the walk may test (so an unbounded walk would test them all).
    const reads = readsOf(setup.core.workspace.sqlite);
    expect(planSearch(reads, 'contact', 'example.cn', contactListSpec({ sort: 'name', order: 'asc', limit: 50 }).source.id).mode).toBe('walk');
    expect(matches.length).toBeGreaterThan(CANDIDATE_LIMIT);
    expect(all.indexOf(matches[0]!)).toBeGreaterThan(1.5 * WALK_LIMIT);

    const { first, second, tested } = await twoPages('example.cn', 'name', 'asc');
    expect(first.rows.map((row) => row.id)).toEqual(matches.slice(0, 50));
    expect(second.rows.map((row) => row.id)).toEqual(matches.slice(50, 100));
    expect(first).toMatchObject({ total: matches.length, totalAtLeast: null });
    expect(tested).toBeLessThanOrEqual(WALK_LIMIT);
  }, 60_000);

  it('is exact for every sort both ways, for a query with two ways to match (words and phone digits), and past the walked rows', async () => {
    // '+86 13' matches as its words and as the digits 8613: the fallback takes the first of each way.
    // 'example.com' sorts early by name (Latin names) and late by name descending.
    for (const search of ['example.cn', '+86 13', 'example.com']) {
      for (const sort of ['name', 'updatedAt', 'createdAt', 'lifecycle'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const label = `${search} by ${sort} ${order}`;
          const { matches } = bruteForce(search, sort, order);
          const { first, second, tested } = await twoPages(search, sort, order);
          expect(first.rows.map((row) => row.id), label).toEqual(matches.slice(0, 50));
          expect(second.rows.map((row) => row.id), `${label}, page 2`).toEqual(matches.slice(50, 100));
          // Two ways to match test each walked row once more for the count's overlap, and the fallback's
          // matches of the words once more against the digits: still bounded by the walk, not the table.
          // One lookup tests rows only while walking. '+86 13' (a trigram and a short-gram lookup, or the
          // digits) also tests the matches its counts and fallback read through one lookup against the
          // other: a cost of the matches (the counts stop at the cap), not of the rows sorting before them.
          if (!search.includes(' ')) expect(tested, label).toBeLessThanOrEqual(WALK_MAX);
        }
      }
    }
  }, 120_000);
});
