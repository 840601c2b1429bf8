import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { issue } from '../contract/common';
import { validation } from '../errors';
import { companies, contacts } from '../people/schema';
import { deals } from '../sales/schema';
import { prerendered, type Reads } from './reads';
import type { Viewer } from './viewer';

/** A table whose rows have an owner and may be private (`ownedColumns`). */
export interface OwnedTable extends SQLiteTable {
  id: SQLiteColumn;
  ownerId: SQLiteColumn;
  isPrivate: SQLiteColumn;
}

/** Whether `viewer` may see a record read whole (a record page, the row an update starts from). */
export function canSee(record: { isPrivate: boolean; ownerId: number | null }, viewer: Viewer): boolean {
  return !record.isPrivate || viewer.seesPrivate || record.ownerId === viewer.userId;
}

const hiddenSets = new WeakMap<OwnedTable, SQL>();

/**
 * The ids of `table`'s rows `viewer` may not see: private rows of other owners (or of nobody). Read
 * from the partial index of private rows, so it costs what the private rows are, not the table; SQLite
 * builds the set once per statement and each `NOT IN` test is one lookup in it.
 */
function hiddenIds(table: OwnedTable, viewer: Viewer): SQL {
  let prefix = hiddenSets.get(table);
  if (!prefix) {
    prefix = prerendered(sql`SELECT ${table.id} FROM ${table} WHERE ${table.isPrivate} = 1 AND ${table.ownerId} IS NOT `);
    hiddenSets.set(table, prefix);
  }
  return sql`${prefix}${viewer.userId}`;
}

/** `id` names a row of `table` that `viewer` may see; null when the viewer sees every row. */
export function visibleRow(id: SQLiteColumn | SQL, table: OwnedTable, viewer: Viewer): SQL | null {
  return viewer.seesPrivate ? null : sql`${id} NOT IN (${hiddenIds(table, viewer)})`;
}

/** The conditions that are not null, for a `WHERE … AND …`. */
export function present(conditions: (SQL | null)[]): SQL[] {
  return conditions.filter((condition): condition is SQL => condition !== null);
}

/**
 * A record's privacy after a create or update. Staff may keep private only what they own: making
 * someone else's record private, or giving a private record away, would hide it from the very
 * person saving it. Managers and owners may do both.
 */
export function checkPrivacy(viewer: Viewer, next: { isPrivate: boolean; ownerId: number | null }): void {
  if (next.isPrivate && !viewer.seesPrivate && next.ownerId !== viewer.userId) throw validation('isPrivate', issue.privateNeedsOwner);
}

/** `checkPrivacy` for an update: the record as it was, with the patch's owner and privacy applied. */
export function checkPrivacyChange(
  viewer: Viewer,
  before: { isPrivate: boolean; ownerId: number | null },
  patch: { isPrivate?: boolean | undefined; ownerId?: number | null | undefined },
): void {
  if (patch.isPrivate === undefined && patch.ownerId === undefined) return;
  checkPrivacy(viewer, { isPrivate: patch.isPrivate ?? before.isPrivate, ownerId: patch.ownerId === undefined ? before.ownerId : patch.ownerId });
}

/** The columns by which a row (an activity, a note, a task) belongs to contacts, companies and deals. */
export interface RecordLinks {
  contactId?: SQLiteColumn | SQL;
  companyId?: SQLiteColumn | SQL;
  dealId?: SQLiteColumn | SQL;
}

/** Each link of `RecordLinks` and the owned table it points at. */
const LINKED_TABLES = [
  ['contactId', contacts],
  ['companyId', companies],
  ['dealId', deals],
] as const;

/**
 * What belongs to a private record is as private as the record: a row linked to a contact, company
 * or deal `viewer` may not see is left out too (so a company's timeline does not show the calls of
 * its private contact). Empty when the viewer sees everything.
 */
export function visibleLinks(links: RecordLinks, viewer: Viewer): SQL[] {
  if (viewer.seesPrivate) return [];
  return LINKED_TABLES.flatMap(([field, table]) => {
    const link = links[field];
    return link ? [sql`(${link} IS NULL OR ${link} NOT IN (${hiddenIds(table, viewer)}))`] : [];
  });
}

/**
 * Whether `viewer` may see a row read whole (the row a write starts from): an owned record by its
 * own privacy, anything else by the records it belongs to (`visibleLinks`), one key lookup each.
 */
export function mayReach(reads: Reads, row: Record<string, unknown>, viewer: Viewer): boolean {
  if (viewer.seesPrivate) return true;
  if ('isPrivate' in row) return canSee(row as { isPrivate: boolean; ownerId: number | null }, viewer);
  return LINKED_TABLES.every(([field, table]) => {
    const id = row[field];
    if (typeof id !== 'number') return true;
    return reads.value(sql`SELECT ${id} IN (${hiddenIds(table, viewer)})`) === 0;
  });
}

/** A table with `ownedColumns`: its rows can be private. */
export function isOwnedTable(table: SQLiteTable): table is OwnedTable {
  return 'isPrivate' in table && 'ownerId' in table;
}

/**
 * `id` names a row of `table` that belongs to no record hidden from `viewer` (a list of orders): the
 * rows to leave out are found from the hidden records through `table`'s link indexes, so the test is
 * by id, which every index of `table` holds, and a count stays index-only. `links` are `table`'s own
 * (unaliased) columns. Null when the viewer sees everything.
 */
export function visibleBelonging(id: SQLiteColumn | SQL, table: SQLiteTable & { id: SQLiteColumn }, links: RecordLinks, viewer: Viewer): SQL | null {
  if (viewer.seesPrivate) return null;
  const hidden = LINKED_TABLES.flatMap(([field, owner]) => {
    const link = links[field];
    return link ? [sql`SELECT ${table.id} FROM ${table} WHERE ${link} IN (${hiddenIds(owner, viewer)})`] : [];
  });
  return hidden.length ? sql`${id} NOT IN (${sql.join(hidden, sql` UNION ALL `)})` : null;
}

/**
 * Null when the joined record is public (or there is none); its owner's id when it is private (0 for
 * nobody). Selected beside a linked record's name so `linkedName` can hide it: a viewer who may see a
 * contact may not see the private company it works at.
 */
export function privateOwnerOf(table: OwnedTable): SQL<number | null> {
  return sql<number | null>`CASE WHEN ${table.isPrivate} = 1 THEN coalesce(${table.ownerId}, 0) END`;
}

/**
 * A linked record's name as `viewer` may see it: null for someone else's private record. Its id stays,
 * so a save of the record that links to it keeps the link; the UI shows "private" in the name's place.
 */
export function linkedName(name: string | null, privateOwner: number | null, viewer: Viewer): string | null {
  return privateOwner === null || viewer.seesPrivate || privateOwner === viewer.userId ? name : null;
}

/**
 * How many of the private owners listed (`group_concat` of `privateOwnerOf` values) hide their record
 * from `viewer`: what a count that includes private rows (a company's contacts) must leave out.
 */
export function hiddenAmong(privateOwners: string | null, viewer: Viewer): number {
  if (!privateOwners || viewer.seesPrivate) return 0;
  return privateOwners.split(',').filter((owner) => Number(owner) !== viewer.userId).length;
}
