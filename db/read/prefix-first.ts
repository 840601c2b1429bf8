import type Database from 'better-sqlite3';
import { listPage, type ListSpec } from './list-page';

/** Above every character: `key < prefix + TOP` holds for every key that starts with `prefix`. */
const TOP = '\u{10FFFF}';

/**
 * The first `spec.limit` rows of a list search with the rows whose sort key starts with `prefix`
 * first, each group in the list's order (ties by id). Exact over every match and as cheap as two
 * list pages, however many rows match: the global search's ranking ("wang" finds Wang Fang before
 * Huang Wang) without collecting every match.
 */
export function prefixFirst<Row>(sqlite: Database.Database, spec: ListSpec, sortKeyColumn: string, prefix: string): Row[] {
  const page = (where: string[], params: ListSpec['params'], limit: number) =>
    listPage<Row>(sqlite, { ...spec, limit, withoutTotal: true, where: [...spec.where, ...where], params: [...spec.params, ...params] }).rows.slice(0, limit);
  if (!prefix) return page([], [], spec.limit);
  const starts = `(${sortKeyColumn} >= ? AND ${sortKeyColumn} < ?)`;
  const range = [prefix, `${prefix}${TOP}`];
  const first = page([starts], range, spec.limit);
  if (first.length >= spec.limit) return first;
  return [...first, ...page([`NOT ${starts}`], range, spec.limit - first.length)];
}
