import { dealList } from '../contract/sales';
import type { SearchHit } from '../contract/system';
import { prefixFirst } from '../read/prefix-first';
import type { SearchMatch } from '../system/record-kind';
import { connectionOf, type Reads } from '../read/reads';
import { dealListSpec } from './deals';

/** Global-search hits for deals: the deals list's own search, titles starting with the query first, with the customer and stage. */
export function dealHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  const spec = dealListSpec(dealList.parse({ search: match.query, sort: 'title', order: 'asc', limit }));
  const rows = prefixFirst<{ id: number; title: string; contact_name: string | null; company_name: string | null; stage_name: string }>(
    connectionOf(reads),
    spec,
    'd.sort_title',
    match.prefix,
  );
  return rows.map((row) => ({
    kind: 'deal',
    id: row.id,
    title: row.title,
    subtitle: [row.company_name ?? row.contact_name, row.stage_name].filter(Boolean).join(' · '),
    parent: null,
  }));
}
