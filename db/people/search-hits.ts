import { companyList, contactList } from '../contract/people';
import type { SearchHit } from '../contract/system';
import { prefixFirst } from '../read/prefix-first';
import { statement } from '../read/statements';
import type { SearchMatch } from '../system/record-kind';
import { connectionOf, type Reads } from '../read/reads';
import { companyListSpec } from './companies';
import { contactListSpec } from './contacts';

/**
 * Global-search hits for people: the contacts list's own search, names starting with the query
 * first, then by name and id — the true first hits of every match, in a stable order.
 */
export function contactHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  const spec = contactListSpec(contactList.parse({ search: match.query, sort: 'name', order: 'asc', limit }));
  const rows = prefixFirst<{ id: number; name: string; company_name: string | null; primary_email: string | null; primary_phone: string | null }>(
    connectionOf(reads),
    spec,
    'c.sort_name',
    match.prefix,
  );
  return rows.map((row) => ({
    kind: 'contact',
    id: row.id,
    title: row.name,
    subtitle: [row.company_name, row.primary_email ?? row.primary_phone].filter(Boolean).join(' · ') || null,
    parent: null,
  }));
}

export function companyHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  const spec = companyListSpec(companyList.parse({ search: match.query, sort: 'name', order: 'asc', limit }));
  const rows = prefixFirst<{ id: number; name: string; city: string | null }>(connectionOf(reads), spec, 'co.sort_name', match.prefix);
  return rows.map((row) => ({ kind: 'company', id: row.id, title: row.name, subtitle: row.city, parent: null }));
}

/** Notes rank newest first among the first matches in index order: nobody pages through thousands of notes from the palette. */
export function noteHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  const rows = statement(
    connectionOf(reads),
    `SELECT n.id, n.body, n.contact_id, n.company_id, coalesce(c.name, co.name) AS parent_name FROM notes n
     LEFT JOIN contacts c ON c.id = n.contact_id LEFT JOIN companies co ON co.id = n.company_id
     WHERE n.id IN (${match.sql}) AND n.deleted_at IS NULL ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
  ).all(...match.params, limit) as { id: number; body: string; contact_id: number | null; company_id: number | null; parent_name: string | null }[];
  return rows.map((row) => ({
    kind: 'note',
    id: row.id,
    title: row.body.length > 80 ? `${row.body.slice(0, 80)}…` : row.body,
    subtitle: row.parent_name,
    parent: row.contact_id ? { kind: 'contact', id: row.contact_id } : { kind: 'company', id: row.company_id! },
  }));
}
