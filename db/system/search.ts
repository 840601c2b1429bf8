import type { z } from 'zod';
import type { SearchHit, SearchKind, searchInput } from '../contract/system';
import { statement } from '../read/statements';
import { matchingIdsSql } from '../search/index';
import { normalizeText } from '../search/text';
import type { Workspace } from '../workspace/open';

type SearchQuery = z.output<typeof searchInput>;

/** Global search (command palette): contacts, companies and notes whose text contains every term. */
export function searchAll(workspace: Workspace, query: SearchQuery): SearchHit[] {
  const kinds: SearchKind[] = query.kinds?.length ? query.kinds : ['contact', 'company', 'deal', 'note'];
  const hits: SearchHit[] = [];
  for (const kind of kinds) {
    const remaining = query.limit - hits.length;
    if (remaining <= 0) break;
    const match = matchingIdsSql(kind, query.query, { limit: CANDIDATES });
    if (!match) return [];
    hits.push(...HIT_READERS[kind](workspace, { ...match, prefix: normalizeText(query.query).trim() }, remaining));
  }
  return hits;
}

/** Names starting with `prefix` rank first. */
type Match = { sql: string; params: (string | number)[]; prefix: string };

/** Matches considered per kind before ranking; a broad one-letter query stops here. */
const CANDIDATES = 2000;

const HIT_READERS: Record<SearchKind, (workspace: Workspace, match: Match, limit: number) => SearchHit[]> = {
  contact: (workspace, match, limit) =>
    (
      statement(
        workspace.sqlite,
        `SELECT c.id, c.name, co.name AS company_name,
           (SELECT value FROM contact_channels ch WHERE ch.contact_id = c.id ORDER BY ch.kind, ch.position LIMIT 1) AS channel
         FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
         WHERE c.id IN (${match.sql}) AND c.deleted_at IS NULL ORDER BY instr(c.sort_name, ?) = 1 DESC, c.sort_name LIMIT ?`,
      ).all(...match.params, match.prefix, limit) as { id: number; name: string; company_name: string | null; channel: string | null }[]
    ).map((row) => ({
      kind: 'contact',
      id: row.id,
      title: row.name,
      subtitle: [row.company_name, row.channel].filter(Boolean).join(' · ') || null,
      parent: null,
    })),
  company: (workspace, match, limit) =>
    (
      statement(
        workspace.sqlite,
        `SELECT co.id, co.name, co.city FROM companies co
         WHERE co.id IN (${match.sql}) AND co.deleted_at IS NULL ORDER BY instr(co.sort_name, ?) = 1 DESC, co.sort_name LIMIT ?`,
      ).all(...match.params, match.prefix, limit) as { id: number; name: string; city: string | null }[]
    ).map((row) => ({ kind: 'company', id: row.id, title: row.name, subtitle: row.city, parent: null })),
  deal: (workspace, match, limit) =>
    (
      statement(
        workspace.sqlite,
        `SELECT d.id, d.title, coalesce(co.name, c.name) AS customer, s.name AS stage FROM deals d JOIN stages s ON s.id = d.stage_id
         LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id
         WHERE d.id IN (${match.sql}) AND d.deleted_at IS NULL ORDER BY instr(d.sort_title, ?) = 1 DESC, d.sort_title LIMIT ?`,
      ).all(...match.params, match.prefix, limit) as { id: number; title: string; customer: string | null; stage: string }[]
    ).map((row) => ({ kind: 'deal', id: row.id, title: row.title, subtitle: [row.customer, row.stage].filter(Boolean).join(' · '), parent: null })),
  note: (workspace, match, limit) =>
    (
      statement(
        workspace.sqlite,
        `SELECT n.id, n.body, n.contact_id, n.company_id, coalesce(c.name, co.name) AS parent_name FROM notes n
         LEFT JOIN contacts c ON c.id = n.contact_id LEFT JOIN companies co ON co.id = n.company_id
         WHERE n.id IN (${match.sql}) AND n.deleted_at IS NULL ORDER BY n.created_at DESC LIMIT ?`,
      ).all(...match.params, limit) as {
        id: number;
        body: string;
        contact_id: number | null;
        company_id: number | null;
        parent_name: string | null;
      }[]
    ).map((row) => ({
      kind: 'note',
      id: row.id,
      title: row.body.length > 80 ? `${row.body.slice(0, 80)}…` : row.body,
      subtitle: row.parent_name,
      parent: row.contact_id ? { kind: 'contact', id: row.contact_id } : { kind: 'company', id: row.company_id! },
    })),
};
