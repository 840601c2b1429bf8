import { dealList } from '../contract/sales';
import type { SearchHit } from '../contract/system';
import { prefixFirst } from '../read/prefix-first';
import type { Reads } from '../read/reads';
import type { SearchMatch } from '../system/record-kind';
import { dealListSpec, dealTitleKey } from './deals';

/** Global-search hits for deals: the deals list's own search, titles starting with the query first, with the customer and stage. */
export function dealHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  const spec = dealListSpec(dealList.parse({ search: match.query, sort: 'title', order: 'asc', limit }));
  return prefixFirst(reads, spec, dealTitleKey, match.prefix).map((row) => ({
    kind: 'deal',
    id: row.id,
    title: row.title,
    subtitle: [row.companyName ?? row.contactName, row.stageName].filter(Boolean).join(' · '),
    parent: null,
  }));
}
