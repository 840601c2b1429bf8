import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { expectIndexed as expectIndexedPlan, PLAN_VIEWERS, usePlanWorkspace, type ExplainedQuery } from '../test-support/query-plans';
import { companySortFields, contactSortFields } from '../contract/people';
import { companyListSpec, companyNameKey } from '../people/companies';
import { contactListSpec, contactNameKey } from '../people/contacts';
import { noteHitsSpec } from '../people/search-hits';
import { dealListSpec, dealTitleKey } from '../sales/deals';
import { orderListSpec } from '../sales/orders';
import { productListSpec } from '../sales/products';
import { encodeCursor, keysAfter, keysUpTo } from './keyset';
import { MAX_BUCKET } from '../search/text';
import { countQueries, firstMatchesQuery, membershipOf, orderedEndQuery, orderedMatchesQuery, pageQuery, searchPlanOf, sideIds, visibleTo, walkBoundQuery, type ListSpec, type SearchPlan } from './list-page';
import { prefixFirstSpecs } from './prefix-first';

/** The five lists' rows differ; their plans do not depend on them. */
type AnyListSpec = ListSpec<any>;

/**
 * The query plans of the list pages, from the list's own exported spec and the same builders the
 * list runs, on a seeded file that never had ANALYZE (users' files don't): after the open path's
 * `PRAGMA optimize`, every sort of every list is served by an index (no full scan, no temp B-tree),
 * a search's bounded candidates are primary-key lookups, and every count reads an index.
 */

const plans = usePlanWorkspace();

const expectIndexed = (query: ExplainedQuery, label: string, options: { sortedInTemp?: boolean; unindexedSort?: boolean } = {}) =>
  expectIndexedPlan(plans.sqlite, query, label, options);

const NONE: SearchPlan = { mode: 'none' };
const candidates = (): SearchPlan => ({ mode: 'candidates', ids: [1, 2, 3], membership: sql`rapport_search_hit('x', ${'ab'})` });
const walk = (spec: AnyListSpec): SearchPlan => ({ mode: 'walk', membership: membershipOf(spec.search!.kind, 'ab', spec.source.id) });

/** Each list with each of its sorts, both directions, first page and a cursor page. */
const LISTS: { name: string; sorts: readonly string[]; spec: (sort: string, order: 'asc' | 'desc', cursor?: string, search?: string) => AnyListSpec; searchable: boolean; unindexedSorts?: string[] }[] = [
  { name: 'contacts', sorts: contactSortFields, spec: (sort, order, cursor, search) => contactListSpec({ sort: sort as never, order, limit: 50, cursor, search }), searchable: true },
  { name: 'companies', sorts: companySortFields, spec: (sort, order, cursor, search) => companyListSpec({ sort: sort as never, order, limit: 50, cursor, search }), searchable: true },
  {
    name: 'deals',
    sorts: ['title', 'updatedAt', 'amount', 'expectedClose'],
    spec: (sort, order, cursor, search) => dealListSpec({ sort: sort as never, order, limit: 50, cursor, search }),
    searchable: true,
  },
  { name: 'products', sorts: ['name', 'sku', 'price'], spec: (sort, order, cursor) => productListSpec({ sort: sort as never, order, limit: 50, cursor }), searchable: false },
  {
    name: 'orders',
    sorts: ['issuedAt', 'number', 'total', 'status', 'customer'],
    spec: (sort, order, cursor) => orderListSpec({ sort: sort as never, order, limit: 50, cursor }),
    searchable: false,
    // The customer is a joined name: no index of orders can serve it.
    unindexedSorts: ['customer'],
  },
];

/** The same list as staff read it: others' private records (and what belongs to them) left out by id, which every index holds. */
function asStaff(list: (typeof LISTS)[number]): (typeof LISTS)[number] {
  const staff = PLAN_VIEWERS.find((viewer) => !viewer.seesPrivate)!;
  return { ...list, name: `${list.name} (staff)`, spec: (...args) => visibleTo(staff, list.spec(...args)) };
}

describe('list query plans without ANALYZE', () => {
  for (const list of [...LISTS, ...LISTS.map(asStaff)]) {
    it(`${list.name}: every sort both ways is an index walk, with and without a search; counts read an index`, () => {
      for (const sort of list.sorts) {
        const unindexed = list.unindexedSorts?.includes(sort) ?? false;
        for (const order of ['asc', 'desc'] as const) {
          const first = list.spec(sort, order);
          const columns = first.sortKeys.length;
          const cursor = encodeCursor(Array.from({ length: columns }, (_, index) => (index === columns - 1 ? 1 : 0)));
          const label = `${list.name} by ${sort} ${order}`;
          expectIndexed(pageQuery(first, NONE), label, { unindexedSort: unindexed });
          expectIndexed(pageQuery(list.spec(sort, order, cursor), NONE), `${label}, next page`, { unindexedSort: unindexed });
          for (const count of countQueries(first, NONE, 10_001)) expectIndexed(count, `${label}, count`);
          if (!list.searchable) continue;
          const searched = list.spec(sort, order, undefined, 'ab');
          // Dense matches: the sort index is walked and each row's text tested.
          const walked = expectIndexed(pageQuery(searched, walk(searched)), `${label}, dense search`, { unindexedSort: unindexed });
          expect(walked, label).toMatch(/SEARCH search_trigram_content USING INTEGER PRIMARY KEY/);
          // A bounded candidate set: one primary-key lookup each, then a sort of at most 5 000 rows.
          const bounded = expectIndexed(pageQuery(searched, candidates()), `${label}, few matches`, { sortedInTemp: true });
          expect(bounded, label).toMatch(new RegExp(`SEARCH ${first.source.alias} USING INTEGER PRIMARY KEY`));
          for (const count of countQueries(searched, candidates(), 10_001)) expectIndexed(count, `${label}, few matches count`);
          for (const count of countQueries(searched, walk(searched), 10_001)) {
            const plan = expectIndexed(count, `${label}, dense count`);
            expect(plan, label).toMatch(/VIRTUAL TABLE INDEX/);
          }
          // The walk's bound: an index-only step along the sort order; the bounded walk is still an index walk.
          expectIndexed(walkBoundQuery(searched), `${label}, walk bound`, { unindexedSort: unindexed });
          const bound = Array.from({ length: columns }, () => 0);
          expectIndexed(pageQuery(searched, walk(searched), [keysUpTo(searched.sortKeys, order, bound)]), `${label}, bounded walk`, { unindexedSort: unindexed });
          // Its fallback: every match of the driving lookup by primary key, a bounded sort of their keys.
          const late = expectIndexed(firstMatchesQuery(searched, 0, [keysAfter(searched.sortKeys, order, bound)], 51), `${label}, late matches`, { sortedInTemp: true });
          expect(late, label).toMatch(/VIRTUAL TABLE INDEX/);
          expect(late, label).toMatch(new RegExp(`SEARCH ${first.source.alias} USING INTEGER PRIMARY KEY`));
        }
      }
    });
  }
});

/**
 * The global search's per-kind queries (issue 7 §3): contacts, companies and deals rank through their
 * list's prefix-first pages, so each page is explained with both search plans; notes read their first
 * matches in index order by primary key; every FTS lookup reads the index's own B-tree.
 */
describe('global search query plans without ANALYZE', () => {
  const PREFIX_FIRST = [
    { kind: 'contact' as const, spec: (search: string) => contactListSpec({ search, sort: 'name', order: 'asc', limit: 20 }), key: contactNameKey },
    { kind: 'company' as const, spec: (search: string) => companyListSpec({ search, sort: 'name', order: 'asc', limit: 20 }), key: companyNameKey },
    { kind: 'deal' as const, spec: (search: string) => dealListSpec({ search, sort: 'title', order: 'asc', limit: 20 }), key: dealTitleKey },
  ];

  for (const { kind, spec, key } of PREFIX_FIRST) {
    it(`${kind} hits: names starting with the query, then the rest, each an index walk or primary-key lookups`, () => {
      for (const query of ['ab', 'wang', 'a']) {
        const searched: AnyListSpec = spec(query);
        const pages = prefixFirstSpecs(searched, key, query);
        expect(pages).toHaveLength(2);
        for (const [index, page] of pages.entries()) {
          const label = `${kind} "${query}", ${index === 0 ? 'starting with it' : 'the rest'}`;
          const walked = expectIndexed(pageQuery(page, walk(page)), `${label}, dense`);
          expect(walked, label).toMatch(/SEARCH search_trigram_content USING INTEGER PRIMARY KEY/);
          expectIndexed(pageQuery(page, candidates()), `${label}, few matches`, { sortedInTemp: true });
          // The plan the page really gets: its matches read in the index's order (the range of the prefix for the first page).
          const plan = searchPlanOf(plans.core.workspace.reads, page);
          expect(plan.mode, label).toBe('ordered');
          expectIndexed(pageQuery(page, plan), `${label}, ${plan.mode}`);
          expectOrderedReads(page, label);
        }
        expect(expectIndexed(sideIds(kind, 'search_trigram', '"wang"', 5_001), `${kind} trigram lookup`)).toMatch(/VIRTUAL TABLE INDEX/);
        expect(expectIndexed(sideIds(kind, 'search_grams', '"ab"', 5_001), `${kind} short-gram lookup`)).toMatch(/VIRTUAL TABLE INDEX/);
      }
    });
  }

  it('note hits: the matches read backwards in the index order (newest first), each by primary key, a bounded sort of the last buckets', () => {
    for (const query of ['ab', 'wang', 'a', '138 0']) {
      const spec: AnyListSpec = noteHitsSpec(query, 20);
      expectOrderedReads(spec, `notes "${query}"`);
    }
  });
});

/**
 * A search in its kind's index order (the default sort of contacts, companies and deals, and notes
 * newest first): the bucket of the page's last row comes from the FTS lookup streaming in rowid order
 * (no sort: the index gives its order), each match's row by primary key; the page's rows are then the
 * matches of those buckets sorted by their keys (a temp B-tree over a bounded set).
 */
function expectOrderedReads(spec: AnyListSpec, label: string) {
  const sides = Math.max(1, countQueries(spec, { mode: 'walk', membership: sql`1` }, 10_001).length);
  for (let index = 0; index < sides; index++) {
    const end = expectIndexed(orderedEndQuery(spec, index, spec.where, [0, MAX_BUCKET], 51), `${label}, page end`);
    expect(end, label).toMatch(/VIRTUAL TABLE INDEX/);
    expect(end, label).toMatch(new RegExp(`SEARCH ${spec.source.alias} USING INTEGER PRIMARY KEY`));
    const rows = expectIndexed(orderedMatchesQuery(spec, index, spec.where, [0, MAX_BUCKET], 51), `${label}, first buckets`, { sortedInTemp: true });
    expect(rows, label).toMatch(/VIRTUAL TABLE INDEX/);
    expect(rows, label).toMatch(new RegExp(`SEARCH ${spec.source.alias} USING INTEGER PRIMARY KEY`));
  }
  return sides;
}

describe('ordered search query plans without ANALYZE', () => {
  const ORDERED = [
    { name: 'contacts', spec: (search: string, order: 'asc' | 'desc') => contactListSpec({ search, sort: 'name', order, limit: 50 }) },
    { name: 'companies', spec: (search: string, order: 'asc' | 'desc') => companyListSpec({ search, sort: 'name', order, limit: 50 }) },
    { name: 'deals', spec: (search: string, order: 'asc' | 'desc') => dealListSpec({ search, sort: 'title', order, limit: 50 }) },
  ];
  for (const list of ORDERED) {
    it(`${list.name} by name both ways: the page's buckets from the FTS stream, then their matches by primary key`, () => {
      for (const order of ['asc', 'desc'] as const) {
        for (const search of ['ab', 'example.cn', 'a', '+86 13']) {
          const spec: AnyListSpec = list.spec(search, order);
          expect(searchPlanOf(plans.core.workspace.reads, spec).mode).toBe('ordered');
          const label = `${list.name} "${search}" ${order}`;
          const sides = expectOrderedReads(spec, label);
          if (search === '+86 13') expect(sides, label).toBe(2);
          // The walk it starts with when the first buckets are dense: an index walk.
          expectIndexed(pageQuery(spec, searchPlanOf(plans.core.workspace.reads, spec)), `${label}, walk`);
        }
      }
    });
  }
});
