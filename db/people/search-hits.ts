import { companyList, contactList } from '../contract/people';
import type { SearchHit } from '../contract/system';
import { prefixFirst } from '../read/prefix-first';
import type { Reads } from '../read/reads';
import { visibleLinks } from '../read/visibility';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
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

/** The match's id query (SQL text with `?` parameters) as a `sql` fragment. */
function matchIds(match: SearchMatch): SQL {
  const pieces = match.sql.split('?');
  return sql.join(pieces.flatMap((piece, index) => (index === 0 ? [sql.raw(piece)] : [sql`${match.params[index - 1]!}`, sql.raw(piece)])));
}

const n = alias(notes, 'n');
const c = alias(contacts, 'c');
const co = alias(companies, 'co');

/** The notes matching a global search, newest first; exported so the plan tests explain it. */
export function noteHitsQuery(reads: Reads, match: SearchMatch, limit: number) {
  return reads.db
    .select({ id: n.id, body: n.body, contactId: n.contactId, companyId: n.companyId, parentName: sql<string | null>`coalesce(${c.name}, ${co.name})` })
    .from(n)
    .leftJoin(c, eq(c.id, n.contactId))
    .leftJoin(co, eq(co.id, n.companyId))
    .where(and(sql`${n.id} IN (${matchIds(match)})`, isNull(n.deletedAt), ...visibleLinks({ contactId: n.contactId, companyId: n.companyId }, reads.viewer)))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(limit);
}

/** Notes rank newest first among the first matches in index order: nobody pages through thousands of notes from the palette. */
export function noteHits(reads: Reads, match: SearchMatch, limit: number): SearchHit[] {
  return noteHitsQuery(reads, match, limit).all().map((row) => ({
    kind: 'note',
    id: row.id,
    title: row.body.length > 80 ? `${row.body.slice(0, 80)}…` : row.body,
    subtitle: row.parentName,
    parent: row.contactId ? { kind: 'contact', id: row.contactId } : { kind: 'company', id: row.companyId! },
  }));
}
