import type { SearchHit } from '../contract/system';
import { statement } from '../read/statements';
import type { SearchMatch } from '../system/record-kind';
import type { Workspace } from '../workspace/open';

/** Global-search hits for people and their notes; names starting with the query rank first. */
export function contactHits(workspace: Workspace, match: SearchMatch, limit: number): SearchHit[] {
  const rows = statement(
    workspace.sqlite,
    `SELECT c.id, c.name, co.name AS company_name,
       (SELECT value FROM contact_channels ch WHERE ch.contact_id = c.id ORDER BY ch.kind, ch.position LIMIT 1) AS channel
     FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
     WHERE c.id IN (${match.sql}) AND c.deleted_at IS NULL ORDER BY instr(c.sort_name, ?) = 1 DESC, c.sort_name LIMIT ?`,
  ).all(...match.params, match.prefix, limit) as { id: number; name: string; company_name: string | null; channel: string | null }[];
  return rows.map((row) => ({
    kind: 'contact',
    id: row.id,
    title: row.name,
    subtitle: [row.company_name, row.channel].filter(Boolean).join(' · ') || null,
    parent: null,
  }));
}

export function companyHits(workspace: Workspace, match: SearchMatch, limit: number): SearchHit[] {
  const rows = statement(
    workspace.sqlite,
    `SELECT co.id, co.name, co.city FROM companies co
     WHERE co.id IN (${match.sql}) AND co.deleted_at IS NULL ORDER BY instr(co.sort_name, ?) = 1 DESC, co.sort_name LIMIT ?`,
  ).all(...match.params, match.prefix, limit) as { id: number; name: string; city: string | null }[];
  return rows.map((row) => ({ kind: 'company', id: row.id, title: row.name, subtitle: row.city, parent: null }));
}

export function noteHits(workspace: Workspace, match: SearchMatch, limit: number): SearchHit[] {
  const rows = statement(
    workspace.sqlite,
    `SELECT n.id, n.body, n.contact_id, n.company_id, coalesce(c.name, co.name) AS parent_name FROM notes n
     LEFT JOIN contacts c ON c.id = n.contact_id LEFT JOIN companies co ON co.id = n.company_id
     WHERE n.id IN (${match.sql}) AND n.deleted_at IS NULL ORDER BY n.created_at DESC LIMIT ?`,
  ).all(...match.params, limit) as { id: number; body: string; contact_id: number | null; company_id: number | null; parent_name: string | null }[];
  return rows.map((row) => ({
    kind: 'note',
    id: row.id,
    title: row.body.length > 80 ? `${row.body.slice(0, 80)}…` : row.body,
    subtitle: row.parent_name,
    parent: row.contact_id ? { kind: 'contact', id: row.contact_id } : { kind: 'company', id: row.company_id! },
  }));
}
