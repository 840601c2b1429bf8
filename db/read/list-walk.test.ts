import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../api/core';
import { appRouter } from '../api/router';
import type { ContactListInput } from '../contract/people';
import { seedLargeWorkspace } from '../bench/seed';
import { indexRecord, matchingIdsSql, unindexRecord } from '../search/index';
import { bucketRange } from '../search/text';
import { seededRandom } from '../people/sample-names';
import { CANDIDATE_LIMIT, WALK_LIMIT, WALK_MAX, orderedReads, planSearch } from './list-page';
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
  // Trashed as the app trashes: the index loses their entries.
  for (const id of core.workspace.sqlite.prepare('SELECT id FROM contacts WHERE deleted_at IS NOT NULL').pluck().all() as number[]) unindexRecord(core.workspace.sqlite, 'contact', id);
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

/**
 * Bunched matches read in the index's order (issue 7 §8): contacts whose names sort after thousands
 * of others all carry a rare term, and there are 2 000 of them in one file and 8 000 in another. The
 * first pages by name are exact both ways, and the work is the same in both files: the rows the walk
 * tests and the index entries the ordered read sorts do not grow with the matches.
 */
describe('bunched matches read in index order', () => {
  const BEFORE = 3_000;
  type Bunched = { core: ReturnType<typeof openCore>; api: ReturnType<typeof appRouter.createCaller>; dir: string };
  const files = new Map<number, Bunched>();

  /** `index` as four letters (aaaa, aaab…): names that differ early, as real names do. */
  const lettersOf = (index: number) => Array.from({ length: 4 }, (_, place) => String.fromCharCode(97 + (Math.floor(index / 26 ** (3 - place)) % 26))).join('');

  function bunchedFile(matches: number): Bunched {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bunched-'));
    const core = openCore(path.join(dir, 'rapport.db'), { probeLocks: false });
    const { sqlite, userId } = core.workspace;
    const insert = sqlite.prepare(
      `INSERT INTO contacts (id, name, sort_name, lifecycle, owner_id, vip, version, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, 'lead', ?, 0, 1, ?, ?, ?, ?)`,
    );
    sqlite.transaction(() => {
      // Ids shuffled, so neither the id nor the insertion order follows the names.
      const random = seededRandom(matches);
      const names = [...Array.from({ length: BEFORE }, (_, index) => `Aa ${String(index).padStart(5, '0')}`), ...Array.from({ length: matches }, (_, index) => `Z${lettersOf(index)} Bunched`)]
        .map((name) => ({ name, key: random() }))
        .sort((a, b) => a.key - b.key);
      for (const [index, { name }] of names.entries()) {
        const id = index + 1;
        insert.run(id, name, name.toLowerCase(), userId, id, id, userId, userId);
        indexRecord(sqlite, 'contact', id, [name, name.startsWith('Z') ? 'qqbunch.example' : 'plain.example']);
      }
    })();
    return { core, api: appRouter.createCaller(core.context()), dir };
  }

  beforeAll(() => {
    for (const matches of [2_000, 8_000]) files.set(matches, bunchedFile(matches));
  }, 120_000);
  afterAll(() => {
    for (const file of files.values()) {
      file.core.close();
      fs.rmSync(file.dir, { recursive: true, force: true });
    }
  });

  function brute(file: Bunched, order: 'asc' | 'desc'): number[] {
    const match = matchingIdsSql('contact', 'qqbunch')!;
    return file.core.workspace.sqlite
      .prepare(`SELECT id FROM contacts WHERE deleted_at IS NULL AND id IN (${match.sql}) ORDER BY sort_name ${order}, id ${order}`)
      .pluck()
      .all(...match.params) as number[];
  }

  /** Index entries of the buckets the last ordered read sorted: what it read from the index. */
  function entriesRead(file: Bunched): number {
    return orderedReads.buckets.reduce((sum, buckets) => {
      const [low, high] = bucketRange('contact', ...buckets);
      return sum + (file.core.workspace.sqlite.prepare(`SELECT count(*) FROM search_trigram WHERE search_trigram MATCH '"qqbunch"' AND rowid >= ? AND rowid <= ?`).pluck().get(low, high) as number);
    }, 0);
  }

  it('gives exactly the first pages both ways, with the same work at 2 000 and 8 000 matches', async () => {
    const work: Record<string, number[]> = {};
    for (const [matches, file] of files) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = brute(file, order);
        expect(expected).toHaveLength(matches);
        const costs: number[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 3; page++) {
          const before = searchHitCalls.count;
          const result = await file.api.people.contacts.list({ search: 'qqbunch', sort: 'name', order, limit: 50, cursor });
          expect(result.rows.map((row) => row.id), `${matches} ${order} page ${page + 1}`).toEqual(expected.slice(page * 50, page * 50 + 50));
          if (page === 0) expect(result.total, `${matches} ${order}`).toBe(matches);
          costs.push(searchHitCalls.count - before, entriesRead(file));
          cursor = result.nextCursor!;
        }
        work[`${order}`] ??= costs;
        // A page and the rest of its last bucket, the same however many rows match.
        expect(costs, `${matches} ${order}`).toEqual(work[`${order}`]);
        expect(Math.max(...costs), `${matches} ${order}`).toBeLessThanOrEqual(2 * 51);
      }
    }
    // Ascending, the matches sort after every other row: the index alone found them, no row was walked.
    expect(work.asc!.filter((_, index) => index % 2 === 0)).toEqual([0, 0, 0]);
  }, 120_000);
});
