import { Column, getTableName, is, sql, type GetColumnData, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { BUCKET_BITS, ID_BITS, ID_MASK, MAX_BUCKET, bucketRange, ftsPhrase, queryAlternatives, searchEntry, searchOrderBucket, type IndexedKind } from '../search/text';
import { decodeCursor, keysAfter, keysUpTo, orderByKeys, type KeyValue, type SortKey } from './keyset';
import { connectionOf, prerendered, type Reads } from './reads';
import { SEARCH_HIT_FUNCTION, registerSearchHit } from './search-hit';
import type { Viewer } from './viewer';
import { linkedName, present, privateOwnerOf, visibleBelonging, visibleRow, type OwnedTable, type RecordLinks } from './visibility';

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
 *   The walk tests at most `WALK_LIMIT` rows (`WALK_MAX` when the matches it met promise to fill the
 *   page within them): when the matches bunch late in the sort order (every
 *   "example.cn" address belongs to a Chinese name, and those sort after the Latin ones), the rest of
 *   the page comes from the matches themselves, each looked up once by id from the FTS index and the
 *   first ones after the walked rows kept — a cost of the matches, not of the rows before them.
 * Either way the rows are exactly the first ones of the full, sorted match set.
 */
export const TOTAL_CAP = 10_000;
export const CANDIDATE_LIMIT = 5_000;
/**
 * Rows of the sort index a dense search tests before it takes the rest of the page from the matches;
 * when the matches it met there promise to fill the page sooner than that, it walks on up to `WALK_MAX`.
 */
export const WALK_LIMIT = 5_000;
export const WALK_MAX = 4 * WALK_LIMIT;

type Field = SQLiteColumn | SQL;
/** The columns of a list row: table columns (of the aliased tables) and `sql` expressions, by the row's field names. */
export type Selection = Record<string, Field>;

/** A join of the page: the joined table's alias, whether its columns can be null (a left join), and the SQL. */
export interface ListJoin<Alias extends string = string, Nullable extends boolean = boolean> {
  readonly alias: Alias;
  readonly nullable: Nullable;
  readonly sql: SQL;
}

/** `"contacts" "c"`: a table under the name of its `alias()`. */
export function tableAs(table: SQLiteTable, aliased: SQLiteTable): SQL {
  return sql`${sql.identifier(getTableName(table))} ${sql.identifier(getTableName(aliased))}`;
}

export function leftJoin<Aliased extends SQLiteTable>(table: SQLiteTable, aliased: Aliased, on: SQL): ListJoin<Aliased['_']['name'], true> {
  return { alias: getTableName(aliased) as Aliased['_']['name'], nullable: true, sql: sql`LEFT JOIN ${tableAs(table, aliased)} ON ${on}` };
}

export function innerJoin<Aliased extends SQLiteTable>(table: SQLiteTable, aliased: Aliased, on: SQL): ListJoin<Aliased['_']['name'], false> {
  return { alias: getTableName(aliased) as Aliased['_']['name'], nullable: false, sql: sql`JOIN ${tableAs(table, aliased)} ON ${on}` };
}

/** A field's value in a row: a column's data type (null where the column or its left-joined table allows it), an expression's `sql<T>`. */
type FieldData<F, NullableTables extends string> = F extends Column
  ? F['_']['tableName'] extends NullableTables
    ? GetColumnData<F> | null
    : GetColumnData<F>
  : F extends SQL<infer T>
    ? T
    : never;

export type RowOf<S extends Selection, NullableTables extends string = never> = { [K in keyof S]: FieldData<S[K], NullableTables> };

type NullableAliases<J> = J extends ListJoin<infer Alias, true> ? Alias : never;

/** What a list reads, fixed per list: its table, its joins, and the columns of a row. */
export interface ListSource<Row> {
  /** The list's table with its alias alone: candidates are sorted and rows counted on it, without the joins. */
  table: SQL;
  /** The alias of the list's table (`c`). */
  alias: string;
  /** The id column of the list's table. */
  id: SQLiteColumn;
  /** The id column as rendered SQL (it is in every query of the list). */
  idRef: SQL;
  /** `FROM …` of the page: the list's table and the joins its columns need. */
  from: SQL;
  /** The columns of a row, each `AS` its field name. */
  select: SQL;
  /** The table whose private rows only their owner and managers see (`table` unaliased), if its rows can be private. */
  owned: OwnedTable | null;
  /** The list table's (unaliased) links to records that can be private: a row of a private record is as private as the record. */
  belongsTo: RecordLinks | null;
  /** The list's table unaliased, for the ids of rows that belong to hidden records. */
  unaliased: SQLiteTable & { id: SQLiteColumn };
  /** A row as read, with each column's own mapping from the driver's value (booleans, JSON). */
  decode(row: Record<string, unknown>): Row;
  /** Blanks the names of linked private records `viewer` may not see (`linkedNames`) in a decoded row. */
  hideLinkedNames(row: Row, viewer: Viewer): Row;
  /**
   * The live-rows test (`deleted_at IS NULL`), when the list declares its deletion column: the rows the
   * search index holds (a deleted record leaves it), so a search filtered by it alone is counted on the index.
   */
  live?: SQL;
}

/**
 * Declares a list's source. The row type comes from `columns` (a renamed column fails the
 * typecheck), with the columns of left-joined tables nullable.
 */
export function listSource<S extends Selection, J extends ListJoin = never>(definition: {
  table: SQLiteTable & { id: SQLiteColumn };
  as: SQLiteTable;
  id: SQLiteColumn;
  columns: S;
  joins?: J[];
  /** Rows can be private (the table has `ownedColumns`): each page leaves out those the reader may not see. */
  owned?: OwnedTable;
  /** Rows belong to contacts, companies or deals (an order's customer): each page leaves out those of records the reader may not see. */
  belongsTo?: RecordLinks;
  /**
   * Fields holding the name of a joined record that can be private, each with that joined table's
   * alias: a reader who may see the row but not the linked record gets the field as null.
   */
  linkedNames?: { [K in keyof S]?: OwnedTable };
  deletedAt?: SQLiteColumn;
}): ListSource<RowOf<S, NullableAliases<J>>> {
  const fields = Object.entries(definition.columns);
  const linked = Object.entries(definition.linkedNames ?? {}).map(([name, owned]) => ({ name, marker: `${name}$privateOwner`, owned: owned as OwnedTable }));
  const mapped = fields.filter((entry): entry is [string, SQLiteColumn] => is(entry[1], Column) && entry[1].mapFromDriverValue !== Column.prototype.mapFromDriverValue);
  const table = prerendered(tableAs(definition.table, definition.as));
  const joins = definition.joins ?? [];
  return {
    table,
    alias: getTableName(definition.as),
    id: definition.id,
    idRef: prerendered(sql`${definition.id}`),
    owned: definition.owned ?? null,
    belongsTo: definition.belongsTo ?? null,
    unaliased: definition.table,
    ...(definition.deletedAt ? { live: prerendered(sql`${definition.deletedAt} IS NULL`) } : {}),
    from: prerendered(joins.length ? sql.join([table, ...joins.map((join) => join.sql)], sql` `) : table),
    select: prerendered(
      sql.join(
        [
          ...fields.map(([name, field]) => sql`${field} AS ${sql.identifier(name)}`),
          ...linked.map(({ marker, owned }) => sql`${privateOwnerOf(owned)} AS ${sql.identifier(marker)}`),
        ],
        sql`, `,
      ),
    ),
    hideLinkedNames(row, viewer) {
      const fieldsOf = row as Record<string, unknown>;
      for (const { name, marker } of linked) {
        fieldsOf[name] = linkedName(fieldsOf[name] as string | null, fieldsOf[marker] as number | null, viewer);
        delete fieldsOf[marker];
      }
      return row;
    },
    decode(row) {
      // The row comes keyed by field name (`AS`); only columns with a mapping of their own (booleans,
      // JSON) change. An expression's value is what SQLite gives (its `sql<T>` says what that is).
      for (const [name, column] of mapped) {
        const value = row[name];
        if (value !== null && value !== undefined) row[name] = column.mapFromDriverValue(value);
      }
      return row as RowOf<S, NullableAliases<J>>;
    },
  };
}

export interface ListSpec<Row> {
  source: ListSource<Row>;
  /** Filters other than the search and the cursor (always at least the live-rows test), on the list's table only. */
  where: SQL[];
  /** Sort keys on the list's table, ending with its id. */
  sortKeys: SortKey[];
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string | undefined;
  /**
   * A search through the FTS index of `kind`. `indexOrder`: the sort keys are the kind's index order
   * (`SEARCH_ORDER`) then the id, so the matches are read in order (`orderedRows`); `walk` when an
   * index serves the sort (a short walk first), `keyRange` when the first sort key is known to lie
   * between two values (a prefix), to bound what the index is asked for.
   */
  search?: { kind: IndexedKind; query: string; indexOrder?: IndexOrder | undefined } | undefined;
  /** Count every match instead of stopping at the cap (the list's "count exactly"). */
  exactTotal?: boolean | undefined;
  /** Rows only, no total (the global search ranks pages of lists and shows no counts). */
  withoutTotal?: boolean | undefined;
}

export interface IndexOrder {
  walk: boolean;
  keyRange?: [KeyValue, KeyValue] | undefined;
}

/** The paging part of a list's spec, straight from its input: sort keys, direction, page size, cursor and exact total. */
export function pagingOf(
  query: { order: 'asc' | 'desc'; limit: number; cursor?: string | undefined; exactTotal?: boolean | undefined },
  sortKeys: SortKey[],
): Pick<ListSpec<unknown>, 'sortKeys' | 'order' | 'limit' | 'cursor' | 'exactTotal'> {
  return { sortKeys, order: query.order, limit: query.limit, cursor: query.cursor, exactTotal: query.exactTotal };
}

/** What a page's statements run through: `Reads`, or the bench's bare statements. */
type RowReads = Pick<Reads, 'all' | 'get' | 'value' | 'values'>;

/** How a search narrows the page: none, a bounded set of ids, or a membership test while walking the sort order. */
export type SearchPlan =
  | { mode: 'none' }
  | { mode: 'candidates'; ids: number[]; membership: SQL | null }
  | { mode: 'walk'; membership: SQL }
  | { mode: 'ordered'; membership: SQL };

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
 * Tests that the row with `id` matches `query` (or its alternatives `from`..`to`) on the text the
 * FTS index stores for it: a primary-key read of the trigram index's content table.
 */
export function membershipOf(kind: IndexedKind, query: string, id: SQLiteColumn, range?: [number, number]): SQL {
  const text = storedTextOf(kind, id);
  const hit = sql.raw(SEARCH_HIT_FUNCTION);
  return range ? sql`${hit}(${text}, ${query}, ${range[0]}, ${range[1]})` : sql`${hit}(${text}, ${query})`;
}

const storedTexts = new WeakMap<SQLiteColumn, Map<IndexedKind, SQL>>();

/** The text the index stores for the row with `id`, rendered once per list. */
function storedTextOf(kind: IndexedKind, id: SQLiteColumn): SQL {
  let byKind = storedTexts.get(id);
  if (!byKind) storedTexts.set(id, (byKind = new Map()));
  let text = byKind.get(kind);
  if (!text) {
    const entry = sql.raw(String(searchEntry(kind, 0)));
    text = prerendered(sql`(SELECT c0 FROM search_trigram_content WHERE id = (SELECT at FROM search_entries WHERE entry = ${id} + ${entry}))`);
    byKind.set(kind, text);
  }
  return text;
}

/** `rowid >= low AND rowid <= high` over every entry of `kind`, as literals (fixed per kind). */
function kindRange(kind: IndexedKind, rowid: SQL): SQL {
  const [low, high] = bucketRange(kind);
  return sql`${rowid} >= ${sql.raw(String(low))} AND ${rowid} <= ${sql.raw(String(high))}`;
}

const RECORD_ID = sql.raw(`& ${ID_MASK}`);

/** Record ids of one FTS lookup in index order, at most `limit` of them. */
export function sideIds(kind: IndexedKind, table: Side['table'], match: string, limit: number): SQL<number> {
  const fts = sql.raw(table);
  return sql<number>`SELECT rowid ${RECORD_ID} AS id FROM ${fts} WHERE ${fts} MATCH ${match} AND ${kindRange(kind, sql.raw('rowid'))} LIMIT ${limit}`;
}

/** Asks the index for a bounded number of matches of each lookup and decides how the page uses them. */
export function planSearch(reads: Reads, kind: IndexedKind, query: string, id: SQLiteColumn): SearchPlan {
  const alternatives = searchSides(query);
  if (alternatives.length === 0) return { mode: 'none' };
  registerSearchHit(connectionOf(reads));
  const membership = membershipOf(kind, query, id);
  const ids = new Set<number>();
  for (const sides of alternatives) {
    // The smallest lookup of an alternative bounds its hits; the membership test checks the rest.
    let smallest: number[] | null = null;
    for (const side of sides) {
      // One JSON array instead of a row per id: thousands of one-column rows cost more to hand over than to find.
      const found = JSON.parse(reads.value<string>(sql`SELECT json_group_array(id) FROM (${sideIds(kind, side.table, side.match, CANDIDATE_LIMIT + 1)})`) ?? '[]') as number[];
      if (found.length <= CANDIDATE_LIMIT && (!smallest || found.length < smallest.length)) smallest = found;
    }
    if (!smallest) return { mode: 'walk', membership };
    for (const found of smallest) ids.add(found);
  }
  const exact = alternatives.length === 1 && alternatives[0]!.length === 1;
  return { mode: 'candidates', ids: [...ids], membership: exact ? null : membership };
}

const AND = sql` AND `;

/**
 * The FROM and WHERE terms a plan adds. Candidates drive the query (`CROSS JOIN` keeps them the
 * outer loop): each is one primary-key lookup, where an `IN` test would let the planner walk the
 * whole sort index checking every row against the set.
 */
function searchTerms<Row>(source: ListSource<Row>, plan: SearchPlan, from: SQL): { from: SQL; where: SQL[] } {
  if (plan.mode === 'none') return { from, where: [] };
  if (plan.mode === 'walk' || plan.mode === 'ordered') return { from, where: [plan.membership] };
  return {
    from: sql`json_each(${JSON.stringify(plan.ids)}) AS hit CROSS JOIN ${from}`,
    where: [sql`${source.idRef} = hit.value`, ...(plan.membership ? [plan.membership] : [])],
  };
}

/** The spec's filters and, past the first page, the cursor's keyset condition, then `extra`. */
function filtersOf<Row>(spec: ListSpec<Row>, extra: SQL[] = []): SQL[] {
  const where = [...spec.where];
  if (spec.cursor) where.push(keysAfter(spec.sortKeys, spec.order, decodeCursor(spec.cursor, spec.sortKeys.length)));
  return [...where, ...extra];
}

/**
 * The page query: `limit + 1` rows so the extra one says there is more, with `extra` filters (the
 * walk's bound). Candidates are sorted by their keys alone first (the list's table, no joins, no
 * column subqueries), and only the page's rows are then read whole: computing every column of up to
 * 5 000 candidates before the sort cost more than the sort.
 */
export function pageQuery<Row>(spec: ListSpec<Row>, plan: SearchPlan, extra: SQL[] = []): SQL {
  const { source } = spec;
  const order = orderByKeys(spec.sortKeys, spec.order);
  const where = filtersOf(spec, extra);
  if (plan.mode === 'candidates') {
    const search = searchTerms(source, plan, source.table);
    const top = sql`SELECT ${source.idRef} AS id FROM ${search.from} WHERE ${sql.join([...where, ...search.where], AND)} ORDER BY ${order} LIMIT ${spec.limit + 1}`;
    return sql`SELECT ${source.select} FROM (${top}) AS top CROSS JOIN ${source.from} WHERE ${source.idRef} = top.id ORDER BY ${order}`;
  }
  const search = searchTerms(source, plan, source.from);
  return sql`SELECT ${source.select} FROM ${search.from} WHERE ${sql.join([...where, ...search.where], AND)} ORDER BY ${order} LIMIT ${spec.limit + 1}`;
}

const boundKeyLists = new WeakMap<SortKey[], SQL>();

/**
 * The sort keys of the `WALK_LIMIT`th row the walk would test (filters and cursor applied, no search):
 * an index-only step along the sort index, a fraction of a µs a row. Exported for the plan tests.
 */
export function walkBoundQuery<Row>(spec: ListSpec<Row>, offset = WALK_LIMIT, after: SQL[] = []): SQL {
  let keys = boundKeyLists.get(spec.sortKeys);
  if (!keys) {
    keys = prerendered(sql.join(spec.sortKeys.map((key, index) => sql`${key} AS ${sql.identifier(`k${index}`)}`), sql`, `));
    boundKeyLists.set(spec.sortKeys, keys);
  }
  return sql`SELECT ${keys} FROM ${spec.source.table} WHERE ${sql.join(filtersOf(spec, after), AND)} ORDER BY ${orderByKeys(spec.sortKeys, spec.order)} LIMIT 1 OFFSET ${offset - 1}`;
}

/** The search hit test on the stored text of the FTS row `s` (a query driven by a lookup). */
function storedTextHit(query: string, range: [number, number]): SQL {
  return sql`${sql.raw(SEARCH_HIT_FUNCTION)}((SELECT c0 FROM search_trigram_content WHERE id = s.rowid), ${query}, ${range[0]}, ${range[1]})`;
}

/**
 * Rows of the list's table that match alternative `index` of the search, driven by one FTS lookup
 * (not by walking every row): the other lookups of the alternative are tested on the text; with
 * `skipEarlier`, rows matching an earlier alternative are left out (so counts add up).
 */
function matchesOf<Row>(spec: ListSpec<Row>, index: number, filters: SQL[], options: { skipEarlier: boolean }, range?: [bigint, bigint]): { from: SQL; where: SQL[] } {
  const { kind, query } = spec.search!;
  const sides = searchSides(query)[index]!;
  const driver = sides[0]!;
  const fts = sql.raw(driver.table);
  const where = [...filters];
  // The driving lookup's own rowid finds the stored text: no detour through the record's entry.
  if (sides.length > 1) where.push(storedTextHit(query, [index, index + 1]));
  if (options.skipEarlier && index > 0) where.push(sql`NOT ${storedTextHit(query, [0, index])}`);
  return {
    from: sql`${fts} s CROSS JOIN ${spec.source.table} ON ${spec.source.idRef} = (s.rowid ${RECORD_ID})`,
    where: [sql`s.${fts} MATCH ${driver.match} AND ${range ? sql`s.rowid >= ${range[0]} AND s.rowid <= ${range[1]}` : kindRange(kind, sql.raw('s.rowid'))}`, ...where],
  };
}

/**
 * The first `limit` ids by the sort keys among the rows matching alternative `index` that pass
 * `filters`: every match of the driving lookup is read once by id, and a bounded sort keeps the first
 * ones. The walk's fallback when the matches sit late in the sort order. Exported for the plan tests.
 */
export function firstMatchesQuery<Row>(spec: ListSpec<Row>, index: number, filters: SQL[], limit: number): SQL<number> {
  const matches = matchesOf(spec, index, filters, { skipEarlier: false });
  return sql<number>`SELECT ${spec.source.idRef} FROM ${matches.from} WHERE ${sql.join(matches.where, AND)} ORDER BY ${orderByKeys(spec.sortKeys, spec.order)} LIMIT ${limit}`;
}

/**
 * The count queries of a first page: each counts at most `cap` rows (none with `exactTotal`), and
 * their sum is the total. Without a search or with a bounded candidate set, one query; when the
 * matches are dense, one per alternative, each driven by the FTS lookup (not by walking every row),
 * later alternatives skipping the rows earlier ones counted.
 */
export function countQueries<Row>(spec: ListSpec<Row>, plan: SearchPlan, cap: number | null): SQL<number>[] {
  const limited = (inner: SQL) => (cap === null ? sql<number>`SELECT count(*) FROM (${inner})` : sql<number>`SELECT count(*) FROM (${inner} LIMIT ${sql.raw(String(cap))})`);
  if (plan.mode === 'none' || plan.mode === 'candidates') {
    const search = searchTerms(spec.source, plan, spec.source.table);
    return [limited(sql`SELECT 1 FROM ${search.from} WHERE ${sql.join([...spec.where, ...search.where], AND)}`)];
  }
  // Filtered by the live-rows test alone, the matches are the index's entries: counted without reading
  // a row (read in the index's order, the rows' ids come in no order, and looking each up cost 1 µs).
  const onIndex = spec.source.live !== undefined && spec.where.length === 1 && spec.where[0] === spec.source.live;
  return searchSides(spec.search!.query).map((sides, index) => {
    if (onIndex) {
      const fts = sql.raw(sides[0]!.table);
      const where = [sql`s.${fts} MATCH ${sides[0]!.match}`, kindRange(spec.search!.kind, sql.raw('s.rowid'))];
      if (sides.length > 1) where.push(storedTextHit(spec.search!.query, [index, index + 1]));
      if (index > 0) where.push(sql`NOT ${storedTextHit(spec.search!.query, [0, index])}`);
      return limited(sql`SELECT 1 FROM ${fts} s WHERE ${sql.join(where, AND)}`);
    }
    const matches = matchesOf(spec, index, spec.where, { skipEarlier: true });
    return limited(sql`SELECT 1 FROM ${matches.from} WHERE ${sql.join(matches.where, AND)}`);
  });
}

export interface ListPage<Row> {
  rows: Row[];
  total: number | null;
  totalAtLeast: number | null;
}

/**
 * How the page narrows to its search: a list in its kind's index order reads the matches in order
 * (`orderedRows`) whatever their number; any other sort asks the index how many there are first.
 */
export function searchPlanOf<Row>(reads: Reads, spec: ListSpec<Row>): SearchPlan {
  if (!spec.search) return { mode: 'none' };
  if (!spec.search.indexOrder) return planSearch(reads, spec.search.kind, spec.search.query, spec.source.id);
  if (searchSides(spec.search.query).length === 0) return { mode: 'none' };
  registerSearchHit(connectionOf(reads));
  return { mode: 'ordered', membership: membershipOf(spec.search.kind, spec.search.query, spec.source.id) };
}

/** The page's rows as read (`limit + 1` at most), before decoding: exported so the bench runs the same statements bare. */
export function pageRows<Row>(reads: Pick<Reads, 'all' | 'get' | 'value' | 'values'>, spec: ListSpec<Row>, plan: SearchPlan): Record<string, unknown>[] {
  if (plan.mode === 'walk') return walkedRows(reads, spec, plan);
  if (plan.mode === 'ordered') return orderedRows(reads, spec, plan);
  return reads.all<Record<string, unknown>>(pageQuery(spec, plan));
}

/** Runs the page (and on the first page its total) for `spec`. */
export function listPage<Row>(reads: Reads, listed: ListSpec<Row>): ListPage<Row> {
  const spec = visibleTo(reads.viewer, listed);
  const plan = searchPlanOf(reads, spec);
  const rows = pageRows(reads, spec, plan).map((row) => spec.source.hideLinkedNames(spec.source.decode(row), reads.viewer));
  if (spec.cursor || spec.withoutTotal) return { rows, total: null, totalAtLeast: null };
  return { rows, ...totalOf(reads, spec, plan) };
}

/**
 * A dense search's rows: the walk along the sort index up to its bound, and when that did not fill
 * the page, the first matches after the bound taken from the matches themselves.
 */
function walkedRows<Row>(reads: RowReads, spec: ListSpec<Row>, plan: SearchPlan & { mode: 'walk' }): Record<string, unknown>[] {
  const boundAt = (offset: number, after: SQL[]): KeyValue[] | null => {
    const bound = reads.get<Record<string, KeyValue>>(walkBoundQuery(spec, offset, after));
    return bound ? spec.sortKeys.map((_, index) => bound[`k${index}`] ?? null) : null;
  };
  const walk = (between: SQL[], limit: number) => reads.all<Record<string, unknown>>(pageQuery({ ...spec, limit: limit - 1 }, plan, between));
  const first = boundAt(WALK_LIMIT, []);
  // Fewer rows than the bound are left to walk: the plain walk tests at most that many.
  if (!first) return reads.all<Record<string, unknown>>(pageQuery(spec, plan));
  const walked = walk([keysUpTo(spec.sortKeys, spec.order, first)], spec.limit + 1);
  let wanted = spec.limit + 1 - walked.length;
  if (wanted <= 0) return walked;
  let last = first;
  // Matches seen along the first stretch that would fill the page within the longer one: walk on
  // (cheaper than reading every match); none or too few (they sit later): take them from the matches.
  if (walked.length * (WALK_MAX / WALK_LIMIT - 1) >= wanted) {
    const after = [keysAfter(spec.sortKeys, spec.order, first)];
    const second = boundAt(WALK_MAX - WALK_LIMIT, after);
    walked.push(...walk(second ? [...after, keysUpTo(spec.sortKeys, spec.order, second)] : after, wanted));
    wanted = spec.limit + 1 - walked.length;
    if (wanted <= 0 || !second) return walked;
    last = second;
  }
  const after = keysAfter(spec.sortKeys, spec.order, last);
  const ids = new Set<number>();
  searchSides(spec.search!.query).forEach((_, index) => {
    for (const id of reads.values<number>(firstMatchesQuery(spec, index, [...filtersOf(spec), after], wanted))) ids.add(id);
  });
  if (ids.size === 0) return walked;
  // The first `wanted` of each alternative hold the first `wanted` of all: read those rows whole, in order.
  const rest = reads.all<Record<string, unknown>>(pageQuery({ ...spec, limit: wanted - 1 }, { mode: 'candidates', ids: [...ids], membership: null }, [after]));
  return [...walked, ...rest];
}

/** The spec with the tests that leave out the private rows `viewer` may not see, and the rows of private records they may not see. */
export function visibleTo<Row>(viewer: Viewer, spec: ListSpec<Row>): ListSpec<Row> {
  const { owned, belongsTo, idRef, unaliased } = spec.source;
  const visible = present([owned ? visibleRow(idRef, owned, viewer) : null, belongsTo ? visibleBelonging(idRef, unaliased, belongsTo, viewer) : null]);
  return visible.length ? { ...spec, where: [...spec.where, ...visible] } : spec;
}

/**
 * At most this many matches of the first buckets are sorted by an ordered search. More say the
 * matches are dense early in the order (a letter, whose first bucket holds every "chloe …"), where
 * walking the sort index fills the page after a few rows.
 */
export const ORDERED_SORT_LIMIT = 1_000;

/**
 * A search in its kind's index order: the matches read in order up to the bucket holding the page's
 * last row (`orderedMatches`); when those buckets hold more than `ORDERED_SORT_LIMIT` matches and an
 * index serves the sort, a walk along it first (bounded by `WALK_LIMIT` rows), the ordered read after it.
 */
function orderedRows<Row>(reads: RowReads, spec: ListSpec<Row>, plan: SearchPlan & { mode: 'ordered' }): Record<string, unknown>[] {
  const wanted = spec.limit + 1;
  if (!spec.search!.indexOrder!.walk) return orderedMatches(reads, spec, null, wanted);
  const buckets = bucketsOf(spec, null);
  if (!buckets) return [];
  const filters = filtersOf(spec);
  const read = orderedBuckets(reads, spec, filters, buckets, wanted);
  if (read.all) return orderedMatches(reads, spec, null, wanted, read);
  if (countInBuckets(reads, spec, read.buckets, ORDERED_SORT_LIMIT + 1) <= ORDERED_SORT_LIMIT) return orderedMatches(reads, spec, null, wanted, read);
  const bound = reads.get<Record<string, KeyValue>>(walkBoundQuery(spec, WALK_LIMIT));
  if (!bound) return reads.all<Record<string, unknown>>(pageQuery(spec, plan));
  const last = spec.sortKeys.map((_, index) => bound[`k${index}`] ?? null);
  const walked = reads.all<Record<string, unknown>>(pageQuery(spec, plan, [keysUpTo(spec.sortKeys, spec.order, last)]));
  const rest = wanted - walked.length;
  return rest <= 0 ? walked : [...walked, ...orderedMatches(reads, spec, last, rest)];
}

interface OrderedRead {
  buckets: [number, number];
  /** Every match within the buckets, when each way the query matches had fewer than a page's worth. */
  all: number[] | null;
}

/**
 * The buckets the first `wanted` matches passing `filters` lie in, within `buckets`: up to the bucket of
 * the `wanted`th match of each way the query matches (the earliest such bucket bounds them all). When
 * none has that many, the matches read are all there are.
 */
function orderedBuckets<Row>(reads: RowReads, spec: ListSpec<Row>, filters: SQL[], buckets: [number, number], wanted: number): OrderedRead {
  const ascending = spec.order === 'asc';
  let end = ascending ? buckets[1] : buckets[0];
  let all: number[] | null = [];
  searchSides(spec.search!.query).forEach((_, index) => {
    const first = reads.all<{ bucket: number; id: number }>(orderedEndQuery(spec, index, filters, buckets, wanted));
    if (first.length < wanted) {
      all?.push(...first.map((row) => row.id));
      return;
    }
    all = null;
    const bucket = first[first.length - 1]!.bucket;
    end = ascending ? Math.min(end, bucket) : Math.max(end, bucket);
  });
  return { buckets: ascending ? [buckets[0], end] : [end, buckets[1]], all };
}

/** How many index entries of buckets `buckets` match the query (each way counted, overlaps twice), up to `cap`: the index alone. */
function countInBuckets<Row>(reads: RowReads, spec: ListSpec<Row>, buckets: [number, number], cap: number): number {
  const [low, high] = bucketRange(spec.search!.kind, ...buckets);
  let counted = 0;
  for (const sides of searchSides(spec.search!.query)) {
    const fts = sql.raw(sides[0]!.table);
    counted += reads.value<number>(sql`SELECT count(*) FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ${sides[0]!.match} AND rowid >= ${low} AND rowid <= ${high} LIMIT ${cap})`) ?? 0;
    if (counted >= cap) break;
  }
  return counted;
}

const BUCKET_OF_ROWID = sql.raw(`(s.rowid >> ${ID_BITS}) & ${(1n << BUCKET_BITS) - 1n}`);

/** The buckets an ordered read may look at: the key range's, from the walked rows or the cursor on. */
function bucketsOf<Row>(spec: ListSpec<Row>, after: KeyValue[] | null): [number, number] | null {
  const { keyRange } = spec.search!.indexOrder!;
  let [from, to] = keyRange ? [searchOrderBucket(keyRange[0]), searchOrderBucket(keyRange[1])] : [0, MAX_BUCKET];
  const start = after ?? (spec.cursor ? decodeCursor(spec.cursor, spec.sortKeys.length) : null);
  if (start) {
    const bucket = searchOrderBucket(start[0]);
    if (spec.order === 'asc') from = Math.max(from, bucket);
    else to = Math.min(to, bucket);
  }
  return from <= to ? [from, to] : null;
}

/**
 * The first `wanted` rows matching alternative `index` that pass `filters` in rowid order (their bucket
 * of the kind's index order and their id), from the first bucket of `buckets` (the last when
 * descending): the last one's bucket bounds the page. Exported for the plan tests.
 */
export function orderedEndQuery<Row>(spec: ListSpec<Row>, index: number, filters: SQL[], buckets: [number, number], wanted: number): SQL<{ bucket: number; id: number }> {
  const matches = matchesOf(spec, index, filters, { skipEarlier: false }, bucketRange(spec.search!.kind, ...buckets));
  const direction = sql.raw(spec.order === 'asc' ? 'ASC' : 'DESC');
  return sql<{ bucket: number; id: number }>`SELECT ${BUCKET_OF_ROWID} AS bucket, ${spec.source.idRef} AS id FROM ${matches.from} WHERE ${sql.join(matches.where, AND)} ORDER BY s.rowid ${direction} LIMIT ${wanted}`;
}

/**
 * The first `wanted` ids in the sort order among the rows of buckets `buckets` matching alternative
 * `index` that pass `filters`: every match of those buckets by primary key, a bounded sort of their
 * keys. Exported for the plan tests.
 */
export function orderedMatchesQuery<Row>(spec: ListSpec<Row>, index: number, filters: SQL[], buckets: [number, number], wanted: number): SQL<number> {
  const matches = matchesOf(spec, index, filters, { skipEarlier: false }, bucketRange(spec.search!.kind, ...buckets));
  return sql<number>`SELECT ${spec.source.idRef} FROM ${matches.from} WHERE ${sql.join(matches.where, AND)} ORDER BY ${orderByKeys(spec.sortKeys, spec.order)} LIMIT ${wanted}`;
}

/** What the last ordered read looked at (the tests bound the work by it, counted instead of timed). */
export const orderedReads = { buckets: [] as [number, number][] };

/**
 * The first `wanted` matching rows after `after` (the walked rows; else the cursor) in the sort order,
 * read from the index in its order: the matches up to the bucket holding the `wanted`th one (of each
 * way the query matches; the earliest such bucket bounds them all), then every match of those buckets
 * sorted by the real keys. A bucket is a prefix of the key, so this is exact, and it costs the matches
 * of the first buckets: neither the rows that sort before the first match nor the matches after.
 */
function orderedMatches<Row>(reads: RowReads, spec: ListSpec<Row>, after: KeyValue[] | null, wanted: number, known?: OrderedRead): Record<string, unknown>[] {
  const buckets = known?.buckets ?? bucketsOf(spec, after);
  orderedReads.buckets = [];
  if (!buckets) return [];
  const past = after ? [keysAfter(spec.sortKeys, spec.order, after)] : [];
  const filters = [...filtersOf(spec), ...past];
  const read = known ?? orderedBuckets(reads, spec, filters, buckets, wanted);
  orderedReads.buckets = [read.buckets];
  const ids = new Set<number>(read.all ?? []);
  if (!read.all) {
    searchSides(spec.search!.query).forEach((_, index) => {
      for (const id of reads.values<number>(orderedMatchesQuery(spec, index, filters, read.buckets, wanted))) ids.add(id);
    });
  }
  if (ids.size === 0) return [];
  return reads.all<Record<string, unknown>>(pageQuery({ ...spec, limit: wanted - 1 }, { mode: 'candidates', ids: [...ids], membership: null }, past));
}

function totalOf<Row>(reads: Reads, spec: ListSpec<Row>, plan: SearchPlan): { total: number | null; totalAtLeast: number | null } {
  const cap = spec.exactTotal ? null : TOTAL_CAP + 1;
  let counted = 0;
  for (const query of countQueries(spec, plan, cap)) {
    counted += reads.value<number>(query) ?? 0;
    if (cap !== null && counted >= cap) return { total: null, totalAtLeast: TOTAL_CAP };
  }
  return { total: counted, totalAtLeast: null };
}
