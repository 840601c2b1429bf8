import type Database from 'better-sqlite3';
import { KIND_STRIDE, ftsPhrase, queryAlternatives, searchRowid, type IndexedKind } from '../search/text';
import { decodeCursor, keysetCondition, orderBy, type KeyValue } from './keyset';
import { SEARCH_HIT_FUNCTION, registerSearchHit } from './search-hit';
import { statement } from './statements';

/**
 * One list page whose cost does not grow with the data: the first 50 rows in the sort order (ties
 * by id) and a total that is exact when it is cheap and "at least 10 000" when it is not.
 *
 * A search narrows the list through the FTS index. Collecting every match and sorting them is what
 * made one letter cost a second at a million contacts, so the page first asks the index for at most
 * `CANDIDATE_LIMIT` matches:
 * - fewer came back: those are all the matches; the page sorts just them (`candidates`);
 * - more: the matches are dense, so walking the sort index and testing each row's stored text
 *   (`rapport_search_hit`, a few µs a row) finds 50 of them after about 50 × rows / matches rows (`walk`).
 * Either way the rows are exactly the first ones of the full, sorted match set. The walk's length
 * depends on how dense the matches are where the sort order starts, not on how many rows there are:
 * "ang" walks ~1 600 contacts by name at 100 000 and about as many at a million.
 */
export const TOTAL_CAP = 10_000;
export const CANDIDATE_LIMIT = 5_000;

export interface ListSpec {
  /** `FROM …` of the page: the list's table with its alias, and the joins its columns need. */
  from: string;
  /** The columns of a row. */
  select: string;
  /** The list's table and alias alone: candidates are sorted and rows counted on it, without the joins. */
  table: string;
  /** The id column of the list's table, e.g. `c.id`. */
  idColumn: string;
  /** Filters other than the search and the cursor (always at least the live-rows test), on `table`'s columns only. */
  where: string[];
  params: KeyValue[];
  sortColumns: string[];
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
  /** A search through the FTS index of `kind`. */
  search?: { kind: IndexedKind; query: string };
  /** Count every match instead of stopping at the cap (the list's "count exactly"). */
  exactTotal?: boolean;
  /** Rows only, no total (the global search ranks pages of lists and shows no counts). */
  withoutTotal?: boolean;
}

/** The paging part of a list's spec, straight from its input: sort keys, direction, page size, cursor and exact total. */
export function pagingOf(
  query: { order: 'asc' | 'desc'; limit: number; cursor?: string | undefined; exactTotal?: boolean | undefined },
  sortColumns: string[],
): Pick<ListSpec, 'sortColumns' | 'order' | 'limit' | 'cursor' | 'exactTotal'> {
  return { sortColumns, order: query.order, limit: query.limit, cursor: query.cursor, exactTotal: query.exactTotal };
}

/** How a search narrows the page: none, a bounded set of ids, or a membership test while walking the sort order. */
export type SearchPlan =
  | { mode: 'none' }
  | { mode: 'candidates'; ids: number[]; membership: Membership | null }
  | { mode: 'walk'; membership: Membership };

export interface Membership {
  sql: string;
  params: KeyValue[];
}

interface Side {
  table: 'search_trigram' | 'search_grams';
  match: string;
}

/** Each way the query can match (its words; a phone number also as digits), as the FTS lookups all of which must hit. */
function searchSides(query: string): Side[][] {
  return queryAlternatives(query).map((terms) => {
    const sides: Side[] = [];
    if (terms.long.length) sides.push({ table: 'search_trigram', match: terms.long.map(ftsPhrase).join(' AND ') });
    if (terms.short.length) sides.push({ table: 'search_grams', match: terms.short.map(ftsPhrase).join(' AND ') });
    return sides;
  });
}

/**
 * Tests that the row with `idColumn` matches `query` (or its alternatives `from`..`to`) on the text the
 * FTS index stores for it: a primary-key read of the trigram index's content table.
 */
function membershipOf(kind: IndexedKind, query: string, idColumn: string, range?: [number, number]): Membership {
  const text = `(SELECT c0 FROM search_trigram_content WHERE id = ${idColumn} + ${searchRowid(kind, 0)})`;
  return range
    ? { sql: `${SEARCH_HIT_FUNCTION}(${text}, ?, ${range[0]}, ${range[1]})`, params: [query] }
    : { sql: `${SEARCH_HIT_FUNCTION}(${text}, ?)`, params: [query] };
}

/** Record ids of one FTS lookup in index order, at most `limit` of them. */
export function sideIdsSql(kind: IndexedKind, table: Side['table']): string {
  const low = searchRowid(kind, 0);
  return `SELECT rowid - ${low} FROM ${table} WHERE ${table} MATCH ? AND rowid > ${low} AND rowid < ${low + KIND_STRIDE} LIMIT ?`;
}

/** Asks the index for a bounded number of matches of each lookup and decides how the page uses them. */
export function planSearch(sqlite: Database.Database, kind: IndexedKind, query: string, idColumn: string): SearchPlan {
  const alternatives = searchSides(query);
  if (alternatives.length === 0) return { mode: 'none' };
  registerSearchHit(sqlite);
  const membership = membershipOf(kind, query, idColumn);
  const ids = new Set<number>();
  for (const sides of alternatives) {
    // The smallest lookup of an alternative bounds its hits; the membership test checks the rest.
    let smallest: number[] | null = null;
    for (const side of sides) {
      const found = statement(sqlite, sideIdsSql(kind, side.table)).pluck().all(side.match, CANDIDATE_LIMIT + 1) as number[];
      if (found.length <= CANDIDATE_LIMIT && (!smallest || found.length < smallest.length)) smallest = found;
    }
    if (!smallest) return { mode: 'walk', membership };
    for (const id of smallest) ids.add(id);
  }
  const exact = alternatives.length === 1 && alternatives[0]!.length === 1;
  return { mode: 'candidates', ids: [...ids], membership: exact ? null : membership };
}

/**
 * The FROM, WHERE terms and parameters a plan adds. Candidates drive the query (`CROSS JOIN` keeps
 * them the outer loop): each is one primary-key lookup, where an `IN` test would let the planner walk
 * the whole sort index checking every row against the set.
 */
function searchTerms(spec: ListSpec, plan: SearchPlan, from: string): { from: string; fromParams: KeyValue[]; where: string[]; params: KeyValue[] } {
  if (plan.mode === 'none') return { from, fromParams: [], where: [], params: [] };
  if (plan.mode === 'walk') return { from, fromParams: [], where: [plan.membership.sql], params: plan.membership.params };
  return {
    from: `json_each(?) AS hit CROSS JOIN ${from}`,
    fromParams: [JSON.stringify(plan.ids)],
    where: [`${spec.idColumn} = hit.value`, ...(plan.membership ? [plan.membership.sql] : [])],
    params: plan.membership ? plan.membership.params : [],
  };
}

/**
 * The page query: its SQL and parameters, `limit + 1` rows so the extra one says there is more.
 * Candidates are sorted by their keys alone first (the list's table, no joins, no column
 * subqueries), and only the page's rows are then read whole: computing every column of up to 5 000
 * candidates before the sort cost more than the sort.
 */
export function pageQuery(spec: ListSpec, plan: SearchPlan): { sql: string; params: KeyValue[] } {
  const order = orderBy(spec.sortColumns, spec.order);
  const where = [...spec.where];
  const params = [...spec.params];
  if (spec.cursor) {
    where.push(keysetCondition(spec.sortColumns, spec.order));
    params.push(...decodeCursor(spec.cursor, spec.sortColumns.length));
  }
  if (plan.mode === 'candidates') {
    const search = searchTerms(spec, plan, spec.table);
    const alias = spec.idColumn.split('.')[0]!;
    const top = `SELECT ${spec.idColumn} AS id FROM ${search.from} WHERE ${[...where, ...search.where].join(' AND ')} ORDER BY ${order} LIMIT ?`;
    return {
      sql: `SELECT ${spec.select} FROM (${top}) AS top CROSS JOIN ${spec.from} WHERE ${alias}.id = top.id ORDER BY ${order}`,
      params: [...search.fromParams, ...params, ...search.params, spec.limit + 1],
    };
  }
  const search = searchTerms(spec, plan, spec.from);
  return {
    sql: `SELECT ${spec.select} FROM ${search.from} WHERE ${[...where, ...search.where].join(' AND ')} ORDER BY ${order} LIMIT ?`,
    params: [...params, ...search.params, spec.limit + 1],
  };
}

/**
 * The count queries of a first page: each counts at most `cap` rows (none with `exactTotal`), and
 * their sum is the total. Without a search or with a bounded candidate set, one query; when the
 * matches are dense, one per alternative, each driven by the FTS lookup (not by walking every row),
 * later alternatives skipping the rows earlier ones counted.
 */
export function countQueries(spec: ListSpec, plan: SearchPlan, cap: number | null): { sql: string; params: KeyValue[] }[] {
  const limited = (inner: string) => (cap === null ? `SELECT count(*) FROM (${inner})` : `SELECT count(*) FROM (${inner} LIMIT ${cap})`);
  if (plan.mode !== 'walk') {
    const search = searchTerms(spec, plan, spec.table);
    return [
      {
        sql: limited(`SELECT 1 FROM ${search.from} WHERE ${[...spec.where, ...search.where].join(' AND ')}`),
        params: [...search.fromParams, ...spec.params, ...search.params],
      },
    ];
  }
  const { kind, query } = spec.search!;
  const low = searchRowid(kind, 0);
  const alternatives = searchSides(query);
  return alternatives.map((sides, index) => {
    const driver = sides[0]!;
    const where = [...spec.where];
    const params: KeyValue[] = [driver.match, ...spec.params];
    const add = (membership: Membership, negate = false) => {
      where.push(negate ? `NOT ${membership.sql}` : membership.sql);
      params.push(...membership.params);
    };
    // The driving lookup is one of the alternative's; the others are tested on the text.
    if (sides.length > 1) add(membershipOf(kind, query, spec.idColumn, [index, index + 1]));
    if (index > 0) add(membershipOf(kind, query, spec.idColumn, [0, index]), true);
    return {
      sql: limited(
        `SELECT 1 FROM ${driver.table} s CROSS JOIN ${spec.table} ON ${spec.idColumn} = s.rowid - ${low}
         WHERE s.${driver.table} MATCH ? AND s.rowid > ${low} AND s.rowid < ${low + KIND_STRIDE} AND ${where.join(' AND ')}`,
      ),
      params,
    };
  });
}

/** Runs the page (and on the first page its total) for `spec`. */
export function listPage<Row>(sqlite: Database.Database, spec: ListSpec): { rows: Row[]; total: number | null; totalAtLeast: number | null } {
  const plan = spec.search ? planSearch(sqlite, spec.search.kind, spec.search.query, spec.idColumn) : ({ mode: 'none' } as const);
  const page = pageQuery(spec, plan);
  const rows = statement(sqlite, page.sql).all(...page.params) as Row[];
  if (spec.cursor || spec.withoutTotal) return { rows, total: null, totalAtLeast: null };
  return { rows, ...totalOf(sqlite, spec, plan) };
}

function totalOf(sqlite: Database.Database, spec: ListSpec, plan: SearchPlan): { total: number | null; totalAtLeast: number | null } {
  const cap = spec.exactTotal ? null : TOTAL_CAP + 1;
  let counted = 0;
  for (const query of countQueries(spec, plan, cap)) {
    counted += statement(sqlite, query.sql).pluck().get(...query.params) as number;
    if (cap !== null && counted >= cap) return { total: null, totalAtLeast: TOTAL_CAP };
  }
  return { total: counted, totalAtLeast: null };
}
