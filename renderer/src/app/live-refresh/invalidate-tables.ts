import type { Query, QueryClient } from '@tanstack/react-query';
import { TABLE_READERS, type QueryReader } from './table-readers';

interface QueryMatcher {
  path: readonly string[];
  input?: Readonly<Record<string, string>>;
}

/** A tRPC query key starts with its procedure path, split into segments: [['people', 'contacts', 'list'], …]. */
function queryPath(query: Query): readonly unknown[] | null {
  const path = query.queryKey[0];
  return Array.isArray(path) ? path : null;
}

export function isChangeFeedQuery(queryKey: readonly unknown[]): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && path[0] === 'system' && path[1] === 'changes';
}

function matcherOf(reader: QueryReader): QueryMatcher {
  return typeof reader === 'string' ? { path: reader.split('.') } : { path: reader.path.split('.'), input: reader.input };
}

function matches(query: Query, matcher: QueryMatcher): boolean {
  const path = queryPath(query);
  if (!path || matcher.path.length > path.length || !matcher.path.every((segment, index) => path[index] === segment)) return false;
  if (!matcher.input) return true;
  const input = (query.queryKey[1] as { input?: Record<string, unknown> } | undefined)?.input;
  return Object.entries(matcher.input).every(([key, value]) => input?.[key] === value);
}

/**
 * The query paths to refetch for these tables, or null for "everything": a table this build does not
 * know was written by a newer Rapport on the same file, so nothing can be assumed about it.
 */
function readersOf(tables: readonly string[]): QueryMatcher[] | null {
  const matchers: QueryMatcher[] = [];
  for (const table of tables) {
    const readers = TABLE_READERS[table];
    if (!readers) return null;
    matchers.push(...readers.map(matcherOf));
  }
  return matchers;
}

/** Refetches (if on screen; otherwise marks stale) exactly the queries that read these tables. */
export function invalidateTables(queryClient: QueryClient, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return Promise.resolve();
  const matchers = readersOf(tables);
  if (matchers === null) return invalidateAll(queryClient);
  return queryClient.invalidateQueries({
    predicate: (query) => !isChangeFeedQuery(query.queryKey) && matchers.some((matcher) => matches(query, matcher)),
  });
}

/** Refetch everything on screen except the change feed itself. */
export function invalidateAll(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => !isChangeFeedQuery(query.queryKey) });
}
