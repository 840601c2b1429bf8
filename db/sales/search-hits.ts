import type { SearchHit } from '../contract/system';
import { statement } from '../read/statements';
import type { SearchMatch } from '../system/record-kind';
import type { Workspace } from '../workspace/open';

/** Global-search hits for deals: titles starting with the query first, with the customer and stage. */
export function dealHits(workspace: Workspace, match: SearchMatch, limit: number): SearchHit[] {
  const rows = statement(
    workspace.sqlite,
    `SELECT d.id, d.title, coalesce(co.name, c.name) AS customer, s.name AS stage FROM deals d JOIN stages s ON s.id = d.stage_id
     LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id
     WHERE d.id IN (${match.sql}) AND d.deleted_at IS NULL ORDER BY instr(d.sort_title, ?) = 1 DESC, d.sort_title LIMIT ?`,
  ).all(...match.params, match.prefix, limit) as { id: number; title: string; customer: string | null; stage: string }[];
  return rows.map((row) => ({ kind: 'deal', id: row.id, title: row.title, subtitle: [row.customer, row.stage].filter(Boolean).join(' · '), parent: null }));
}
