import type Database from 'better-sqlite3';
import type { Page } from '../contract/common';
import type {
  Contact,
  ContactCreate,
  ContactRow,
  DuplicateMatch,
  contactList,
  contactUpdate,
  duplicateCheck,
} from '../contract/people';
import { notFound } from '../errors';
import { requireLive } from '../read/references';
import { LIFECYCLE_STAGES } from '../contract/people';
import { pageOf, rankKey, rankOf, type KeyValue, type SortKey } from '../read/keyset';
import { leftJoin, listPage, listSource, pagingOf, type ListSpec } from '../read/list-page';
import { statement } from '../read/statements';
import { addressColumns, addressFromRow, recordMeta, type RecordMetaRow } from '../read/record-mapping';
import { indexRecord, unindexRecord } from '../search/index';
import { normalizeText, phoneDigits } from '../search/text';
import type { RecordWriter } from '../write/record-writer';
import { readsOf } from '../read/reads';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import type { Store } from '../workspace/store';
import type { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { users } from '../system/schema';
import { companies, contactChannels, contactTags, contacts } from './schema';
import { checkTagIds, tagsFor, tagsReplacement } from './tags';
import { channelsReplacement, normalizeChannel } from './contact-channels';

type ContactUpdate = z.output<typeof contactUpdate>;
type ContactListQuery = z.output<typeof contactList>;
type DuplicateQuery = z.output<typeof duplicateCheck>;
type Channel = { label: 'work' | 'home' | 'mobile' | 'other'; value: string };

interface ContactDbRow extends RecordMetaRow {
  name: string;
  job_title: string | null;
  company_id: number | null;
  company_name: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  birthday: string | null;
  source: Contact['source'];
  lifecycle: Contact['lifecycle'];
  owner_id: number | null;
  owner_name: string | null;
  vip: number;
  credit_rating: Contact['creditRating'];
  dnc_email: number;
  dnc_phone: number;
  dnc_sms: number;
  dnc_mail: number;
}

export function getContact(workspace: Workspace, id: number, options: { includeDeleted?: boolean } = {}): Contact {
  const contact = readContact(workspace.sqlite, id);
  if (!contact || (contact.deletedAt !== null && !options.includeDeleted)) throw notFound('Contact', id);
  return contact;
}

export function readContact(sqlite: Database.Database, id: number): Contact | undefined {
  const row = statement(
    sqlite,
    `SELECT c.*, co.name AS company_name, u.name AS owner_name FROM contacts c
     LEFT JOIN companies co ON co.id = c.company_id LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?`,
  ).get(id) as ContactDbRow | undefined;
  if (!row) return undefined;
  const channels = readChannels(sqlite, id);
  return {
    name: row.name,
    jobTitle: row.job_title,
    companyId: row.company_id,
    companyName: row.company_name,
    emails: channels.emails,
    phones: channels.phones,
    address: addressFromRow(row),
    birthday: row.birthday,
    source: row.source,
    lifecycle: row.lifecycle,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    vip: row.vip === 1,
    creditRating: row.credit_rating,
    doNotContact: { email: row.dnc_email === 1, phone: row.dnc_phone === 1, sms: row.dnc_sms === 1, mail: row.dnc_mail === 1 },
    tags: tagsFor(readsOf(sqlite), 'contact', [id]).get(id) ?? [],
    ...recordMeta(row),
  };
}

function readChannels(sqlite: Database.Database, contactId: number): { emails: Channel[]; phones: Channel[] } {
  const rows = statement(
    sqlite,
    'SELECT kind, label, value FROM contact_channels WHERE contact_id = ? ORDER BY kind, position',
  ).all(contactId) as { kind: 'email' | 'phone'; label: Channel['label']; value: string }[];
  return {
    emails: rows.filter((row) => row.kind === 'email').map(({ label, value }) => ({ label, value })),
    phones: rows.filter((row) => row.kind === 'phone').map(({ label, value }) => ({ label, value })),
  };
}

/** Column values of the contacts table for the scalar fields present in a create or patch. */
function scalarColumns(input: Partial<ContactCreate>): Partial<typeof contacts.$inferInsert> {
  const values: Partial<typeof contacts.$inferInsert> = {};
  if (input.name !== undefined) {
    values.name = input.name;
    values.sortName = normalizeText(input.name);
  }
  if (input.jobTitle !== undefined) values.jobTitle = input.jobTitle;
  if (input.companyId !== undefined) values.companyId = input.companyId;
  if (input.address !== undefined) Object.assign(values, addressColumns(input.address));
  if (input.birthday !== undefined) values.birthday = input.birthday;
  if (input.source !== undefined) values.source = input.source;
  if (input.lifecycle !== undefined) values.lifecycle = input.lifecycle;
  if (input.ownerId !== undefined) values.ownerId = input.ownerId;
  if (input.vip !== undefined) values.vip = input.vip;
  if (input.creditRating !== undefined) values.creditRating = input.creditRating;
  if (input.doNotContact !== undefined) {
    values.dncEmail = input.doNotContact.email;
    values.dncPhone = input.doNotContact.phone;
    values.dncSms = input.doNotContact.sms;
    values.dncMail = input.doNotContact.mail;
  }
  return values;
}

/** References must point at live rows; a dangling id is the caller's mistake, reported on the field. */
function checkReferences(sqlite: Database.Database, input: Partial<ContactCreate>): void {
  requireLive(sqlite, 'companies', input.companyId, 'companyId');
  requireLive(sqlite, 'users', input.ownerId, 'ownerId');
  if (input.tagIds) checkTagIds(readsOf(sqlite), input.tagIds);
}

/** Keeps the contact's search row in step; runs inside the write transaction. */
export function reindexContact(sqlite: Database.Database, id: number): void {
  const contact = readContact(sqlite, id);
  if (!contact || contact.deletedAt !== null) {
    unindexRecord(sqlite, 'contact', id);
    return;
  }
  indexRecord(sqlite, 'contact', id, contactSearchParts(contact));
}

/** What a contact is found by: names, company, emails, phones (also as bare digits), city. */
export function contactSearchParts(contact: {
  name: string;
  jobTitle: string | null;
  companyName: string | null;
  emails: { value: string }[];
  phones: { value: string }[];
  address: { city: string | null };
}): (string | null)[] {
  return [
    contact.name,
    contact.jobTitle,
    contact.companyName,
    ...contact.emails.map((email) => email.value),
    ...contact.phones.flatMap((phone) => [phone.value, phoneDigits(phone.value)]),
    contact.address.city,
  ];
}

export function createContact(workspace: Workspace, input: ContactCreate): Contact {
  const id = write(workspace, (writer) => insertContact(writer, input));
  return getContact(workspace, id);
}

/** The insert itself, for callers that batch many contacts in one transaction (import, sample data). */
export function insertContact(writer: RecordWriter, input: ContactCreate): number {
  const { sqlite } = writer;
  checkReferences(sqlite, input);
  const id = writer.insert(
    contacts,
    { ...scalarColumns(input), name: input.name, sortName: normalizeText(input.name) },
    { children: [channelsReplacement('email', input.emails), channelsReplacement('phone', input.phones), tagsReplacement('contact', input.tagIds)] },
  );
  reindexContact(sqlite, id);
  return id;
}

export function updateContact(workspace: Workspace, input: ContactUpdate): Contact {
  write(workspace, (writer) => {
    const { sqlite } = writer;
    const { patch } = input;
    if (!readContact(sqlite, input.id)) throw notFound('Contact', input.id);
    checkReferences(sqlite, patch);
    const children = [
      ...(patch.emails ? [channelsReplacement('email', patch.emails)] : []),
      ...(patch.phones ? [channelsReplacement('phone', patch.phones)] : []),
      ...(patch.tagIds ? [tagsReplacement('contact', patch.tagIds)] : []),
    ];
    writer.update(contacts, input.id, input.version, scalarColumns(patch), { children, describeCurrent: (id) => readContact(sqlite, id) });
    reindexContact(sqlite, input.id);
  });
  return getContact(workspace, input.id);
}

const c = alias(contacts, 'c');
const co = alias(companies, 'co');
const u = alias(users, 'u');

/** A contact's first channel of a kind (its primary email or phone), for the list. */
const firstChannel = (kind: 'email' | 'phone') =>
  sql<string | null>`(SELECT ${contactChannels.value} FROM ${contactChannels} WHERE ${contactChannels.contactId} = ${c.id} AND ${contactChannels.kind} = ${sql.raw(`'${kind}'`)} ORDER BY ${contactChannels.position} LIMIT 1)`;

/** The contacts list's rows: the fields of `ContactRow` by name (tags come separately), and the name's sort key. */
const contactListSource = listSource({
  table: contacts,
  as: c,
  id: c.id,
  joins: [leftJoin(companies, co, sql`${co.id} = ${c.companyId}`), leftJoin(users, u, sql`${u.id} = ${c.ownerId}`)],
  columns: {
    id: c.id,
    name: c.name,
    sortName: c.sortName,
    jobTitle: c.jobTitle,
    companyId: c.companyId,
    companyName: co.name,
    primaryEmail: firstChannel('email'),
    primaryPhone: firstChannel('phone'),
    lifecycle: c.lifecycle,
    ownerId: c.ownerId,
    ownerName: u.name,
    vip: c.vip,
    city: c.city,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    createdBy: c.createdBy,
    updatedBy: c.updatedBy,
    deletedAt: c.deletedAt,
  },
});

type ContactListRow = ReturnType<typeof contactListSource.decode>;

const SORT_KEYS: Record<ContactListQuery['sort'], { keys: SortKey[]; values: (row: ContactListRow) => KeyValue[] }> = {
  name: { keys: [c.sortName, c.id], values: (row) => [row.sortName, row.id] },
  updatedAt: { keys: [c.updatedAt, c.id], values: (row) => [row.updatedAt, row.id] },
  createdAt: { keys: [c.createdAt, c.id], values: (row) => [row.createdAt, row.id] },
  // In the stages' order (lead → prospect → customer → inactive), not alphabetically.
  lifecycle: {
    keys: [rankKey(c.lifecycle, LIFECYCLE_STAGES), c.sortName, c.id],
    values: (row) => [rankOf(row.lifecycle, LIFECYCLE_STAGES), row.sortName, row.id],
  },
};

/** The filters of the contacts list other than the search (which `listPage` plans against the index). */
function listFilter(query: Pick<ContactListQuery, 'tagId' | 'lifecycle' | 'ownerId' | 'companyId' | 'vip'>): SQL[] {
  const where = [sql`${c.deletedAt} IS NULL`];
  if (query.lifecycle) where.push(sql`${c.lifecycle} = ${query.lifecycle}`);
  if (query.ownerId !== undefined) where.push(sql`${c.ownerId} = ${query.ownerId}`);
  if (query.companyId !== undefined) where.push(sql`${c.companyId} = ${query.companyId}`);
  if (query.vip !== undefined) where.push(sql`${c.vip} = ${query.vip ? 1 : 0}`);
  if (query.tagId !== undefined) {
    where.push(sql`${c.id} IN (SELECT ${contactTags.contactId} FROM ${contactTags} WHERE ${contactTags.tagId} = ${query.tagId})`);
  }
  return where;
}

/** The contacts list as `listPage` runs it; exported so plan tests explain the very queries the list runs. */
export function contactListSpec(query: ContactListQuery): ListSpec<ContactListRow> {
  return {
    source: contactListSource,
    where: listFilter(query),
    ...pagingOf(query, SORT_KEYS[query.sort].keys),
    search: query.search ? { kind: 'contact', query: query.search } : undefined,
  };
}

/** The sort key the global search ranks names starting with the query by. */
export const contactNameKey = c.sortName;

export function listContacts(store: Store, query: ContactListQuery): Page<ContactRow> {
  const page = listPage(store.reads, contactListSpec(query));
  const { pageRows, nextCursor } = pageOf(page.rows, query.limit, SORT_KEYS[query.sort].values);
  const tags = tagsFor(store.reads, 'contact', pageRows.map((row) => row.id));
  return {
    rows: pageRows.map(({ sortName: _sortName, lifecycle, ...row }) => ({
      ...row,
      lifecycle: lifecycle as ContactRow['lifecycle'],
      tags: tags.get(row.id) ?? [],
    })),
    nextCursor,
    total: page.total,
    totalAtLeast: page.totalAtLeast,
  };
}

/** Live contacts sharing any of the given emails or phones (phones compared by digits). */
export function findDuplicates(workspace: Workspace, query: DuplicateQuery): DuplicateMatch[] {
  const wanted = [
    ...query.emails.filter(Boolean).map((value) => ({ kind: 'email' as const, value, normalized: normalizeChannel('email', value) })),
    ...query.phones
      .map((value) => ({ kind: 'phone' as const, value, normalized: normalizeChannel('phone', value) }))
      .filter((entry) => entry.normalized.length >= 5),
  ];
  const matches: DuplicateMatch[] = [];
  const lookup = statement(
    workspace.sqlite,
    `SELECT c.id, c.name FROM contact_channels ch JOIN contacts c ON c.id = ch.contact_id
     WHERE ch.kind = ? AND ch.normalized = ? AND c.deleted_at IS NULL AND c.id != ? LIMIT 5`,
  );
  for (const entry of wanted) {
    for (const row of lookup.all(entry.kind, entry.normalized, query.excludeId ?? 0) as { id: number; name: string }[]) {
      matches.push({ contactId: row.id, name: row.name, matched: entry.value, field: entry.kind });
    }
  }
  return matches;
}
