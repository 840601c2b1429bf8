import { companyList, contactList } from '../contract/people';
import type { SearchHit } from '../contract/system';
import { prefixFirst } from '../read/prefix-first';
import type { Reads } from '../read/reads';
import { sql } from 'drizzle-orm';
import { leftJoin, listPage, listSource, type ListSpec } from '../read/list-page';
import { alias } from 'drizzle-orm/sqlite-core';
import type { SearchMatch } from '../system/record-kind';
import { companies, contacts, notes } from './schema';
import { companyListSpec, companyNameKey } from './companies';
import { contactListSpec, contactNameKey } from './contacts';

/**
 * Global-search hits for people: the contacts list's own search, names starting with the query
 * first, then by name and id — the true first hits of every match, in a stable order.
 */
export function contactHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  const spec = contactListSpec(contactList.parse({ search: match.query, sort: 'name', order: 'asc', limit }));
  return prefixFirst(reads, spec, contactNameKey, match.prefix).map((row) => ({
    kind: 'contact',
    id: row.id,
    title: row.name,
    subtitle: [row.companyName, row.primaryEmail ?? row.primaryPhone].filter(Boolean).join(' · ') || null,
    parent: null,
  }));
}

export function companyHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  const spec = companyListSpec(companyList.parse({ search: match.query, sort: 'name', order: 'asc', limit }));
  return prefixFirst(reads, spec, companyNameKey, match.prefix).map((row) => ({ kind: 'company', id: row.id, title: row.name, subtitle: row.city, parent: null }));
}

const n = alias(notes, 'n');
const c = alias(contacts, 'c');
const co = alias(companies, 'co');

const noteHitSource = listSource({
  table: notes,
  as: n,
  id: n.id,
  // A note of a private contact or company is as private as they are.
  belongsTo: { contactId: notes.contactId, companyId: notes.companyId },
  joins: [leftJoin(contacts, c, sql`${c.id} = ${n.contactId}`), leftJoin(companies, co, sql`${co.id} = ${n.companyId}`)],
  columns: { id: n.id, body: n.body, contactId: n.contactId, companyId: n.companyId, parentName: sql<string | null>`coalesce(${c.name}, ${co.name})` },
});
const NOTE_ORDER = [n.createdAt, n.id];

/**
 * The notes matching a global search, newest first (ties by id): read backwards in the index's order
 * (notes are kept by creation time), so the true newest matches however many there are. No index
 * serves this order on the notes table, so the page does not walk it. Exported for the plan tests.
 */
export function noteHitsSpec(query: string, limit: number): ListSpec<ReturnType<typeof noteHitSource.decode>> {
  return {
    source: noteHitSource,
    where: [sql`${n.deletedAt} IS NULL`],
    sortKeys: NOTE_ORDER,
    order: 'desc',
    limit,
    search: { kind: 'note', query, indexOrder: { walk: false } },
    withoutTotal: true,
  };
}

export function noteHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  return listPage(reads, noteHitsSpec(match.query, limit))
    .rows.slice(0, limit)
    .map((row) => ({
      kind: 'note',
      id: row.id,
      title: row.body.length > 80 ? `${row.body.slice(0, 80)}…` : row.body,
      subtitle: row.parentName,
      parent: row.contactId ? { kind: 'contact', id: row.contactId } : { kind: 'company', id: row.companyId! },
    }));
}
