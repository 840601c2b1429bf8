import type { z } from 'zod';
import { SEARCH_KINDS, type SearchKind } from '../contract/record-kinds';
import type { SearchHit, searchInput } from '../contract/system';
import { matchingIdsSql } from '../search/index';
import { normalizeText } from '../search/text';
import type { Store } from '../workspace/store';
import { searchDefinitionOf } from './registry';

type SearchQuery = z.output<typeof searchInput>;


/** Global search (command palette): records of each searchable kind whose text contains every term. */
export function searchAll(store: Store, query: SearchQuery): SearchHit[] {
  const kinds: readonly SearchKind[] = query.kinds?.length ? query.kinds : SEARCH_KINDS;
  const hits: SearchHit[] = [];
  for (const kind of kinds) {
    const remaining = query.limit - hits.length;
    if (remaining <= 0) break;
    // Every kind ranks over all its matches, read in its index order (db/search/order.ts); the id query is for callers that want the set.
    const match = matchingIdsSql(kind, query.query);
    if (!match) return [];
    hits.push(...searchDefinitionOf(kind).search.hits(store.reads, { ...match, query: query.query, prefix: normalizeText(query.query).trim() }, remaining));
  }
  return hits;
}
