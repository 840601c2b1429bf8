import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { listPage, type ListSpec } from './list-page';
import type { Reads } from './reads';

/** Above every character: `key < prefix + TOP` holds for every key that starts with `prefix`. */
const TOP = '\u{10FFFF}';

/** The two halves of a prefix-first search: rows whose sort key starts with `prefix`, and the rest. */
export function prefixRanges(sortKey: SQLiteColumn, prefix: string): { starts: SQL; rest: SQL } {
  const starts = sql`(${sortKey} >= ${prefix} AND ${sortKey} < ${`${prefix}${TOP}`})`;
  return { starts, rest: sql`NOT ${starts}` };
}

/** The list pages `prefixFirst` runs, in order (the plan tests explain these). */
export function prefixFirstSpecs<Row>(spec: ListSpec<Row>, sortKey: SQLiteColumn, prefix: string): ListSpec<Row>[] {
  const page = (where: SQL[], search = spec.search): ListSpec<Row> => ({ ...spec, withoutTotal: true, where: [...spec.where, ...where], search });
  if (!prefix) return [page([])];
  const { starts, rest } = prefixRanges(sortKey, prefix);
  // Read in index order, the rows starting with the prefix are a range of the index too.
  const indexOrder = spec.search?.indexOrder;
  const startsSearch = spec.search && indexOrder ? { ...spec.search, indexOrder: { ...indexOrder, keyRange: [prefix, `${prefix}${TOP}`] as [string, string] } } : spec.search;
  return [page([starts], startsSearch), page([rest])];
}

/**
 * The first `spec.limit` rows of a list search with the rows whose sort key starts with `prefix`
 * first, each group in the list's order (ties by id). Exact over every match and as cheap as two
 * list pages, however many rows match: the global search's ranking ("wang" finds Wang Fang before
 * Huang Wang) without collecting every match.
 */
export function prefixFirst<Row>(reads: Reads, spec: ListSpec<Row>, sortKey: SQLiteColumn, prefix: string): Row[] {
  const rows: Row[] = [];
  for (const page of prefixFirstSpecs(spec, sortKey, prefix)) {
    const wanted = spec.limit - rows.length;
    if (wanted <= 0) break;
    rows.push(...listPage(reads, { ...page, limit: wanted }).rows.slice(0, wanted));
  }
  return rows;
}
