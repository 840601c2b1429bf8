import { and, asc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Page } from '../contract/common';
import { type Contact, type ContactCreate, type ContactRow, type DuplicateMatch, type contactList, type contactUpdate, type duplicateCheck, LIFECYCLE_STAGES } from '../contract/people';
import { notFound } from '../errors';
import { requireLive } from '../read/references';
import { pageOf, rankOf, type KeyValue, rankKey, type SortKey } from '../read/keyset';
import { listPage, type ListSpec, pagingOf, leftJoin, listSource } from '../read/list-page';
import { addressColumns, recordMetaColumns } from '../read/record-mapping';
import { normalizeText, phoneDigits } from '../search/text';
import type { RecordWriter } from '../write/record-writer';
import { oncePerConnection, type Reads } from '../read/reads';
import { canSee, checkPrivacy, checkPrivacyChange, linkedName, privateOwnerOf } from '../read/visibility';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { users } from '../system/schema';
import type { z } from 'zod';
import { companies, contactChannels, contacts, contactTags } from './schema';
import { alias } from 'drizzle-orm/sqlite-core';
import { checkTagIds, tagsFor, tagsReplacement } from './tags';
import { channelsReplacement, normalizeChannel, type ChannelKind } from './contact-channels';

type ContactUpdate = z.output<typeof contactUpdate>;
type ContactListQuery = z.output<typeof contactList>;
type DuplicateQuery = z.output<typeof duplicateCheck>;

export function getContact(store: Store, id: number, options: { includeDeleted?: boolean } = {}): Contact {
  const contact = readContact(store.reads, id);
  if (!contact || (contact.deletedAt !== null && !options.includeDeleted)) throw notFound('Contact', id);
  return contact;
}

/** A contact page's record by `id`: the contact with its company's and owner's names (exported for the plan test). */
export function contactQuery(reads: Reads) {
  return reads.db
    .select({
      meta: recordMetaColumns(contacts),
      name: contacts.name,
      jobTitle: contacts.jobTitle,
      companyId: contacts.companyId,
      companyName: companies.name,
      companyPrivateOwner: privateOwnerOf(companies),
      street: contacts.street,
      city: contacts.city,
      region: contacts.region,
      postalCode: contacts.postalCode,
      country: contacts.country,
      birthday: contacts.birthday,
      source: contacts.source,
      lifecycle: contacts.lifecycle,
      ownerId: contacts.ownerId,
      ownerName: users.name,
      isPrivate: contacts.isPrivate,
      vip: contacts.vip,
      creditRating: contacts.creditRating,
      dncEmail: contacts.dncEmail,
      dncPhone: contacts.dncPhone,
      dncSms: contacts.dncSms,
      dncMail: contacts.dncMail,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(eq(contacts.id, sql.placeholder('id')));
}

const contactById = oncePerConnection((reads) => contactQuery(reads).prepare());

export function readContact(reads: Reads, id: number): Contact | undefined {
  const row = contactById(reads).get({ id });
  if (!row || !canSee(row, reads.viewer)) return undefined;
  const { meta, street, city, region, postalCode, country, dncEmail, dncPhone, dncSms, dncMail, companyPrivateOwner, ...fields } = row;
  const channels = readChannels(reads, id);
  return {
    ...fields,
    companyName: linkedName(fields.companyName, companyPrivateOwner, reads.viewer),
    emails: channels.emails,
    phones: channels.phones,
    address: { street, city, region, postalCode, country },
    doNotContact: { email: dncEmail, phone: dncPhone, sms: dncSms, mail: dncMail },
    tags: tagsFor(reads, 'contact', [id]).get(id) ?? [],
    ...meta,
  };
}

/** The emails and phones of the contact `contactId`, in their order (exported for the plan test). */
export function channelsQuery(reads: Reads) {
  return reads.db
    .select({ kind: contactChannels.kind, label: contactChannels.label, value: contactChannels.value })
    .from(contactChannels)
    .where(eq(contactChannels.contactId, sql.placeholder('contactId')))
    .orderBy(asc(contactChannels.kind), asc(contactChannels.position));
}

const channelsOfContact = oncePerConnection((reads) => channelsQuery(reads).prepare());

function readChannels(reads: Reads, contactId: number): Pick<Contact, 'emails' | 'phones'> {
  const rows = channelsOfContact(reads).all({ contactId });
  const ofKind = (kind: ChannelKind) => rows.filter((row) => row.kind === kind).map(({ label, value }) => ({ label, value }));
  return { emails: ofKind('email'), phones: ofKind('phone') };
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
  if (input.isPrivate !== undefined) values.isPrivate = input.isPrivate;
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
function checkReferences(reads: Reads, input: Partial<ContactCreate>): void {
  requireLive(reads, 'companies', input.companyId, 'companyId');
  requireLive(reads, 'users', input.ownerId, 'ownerId');
  if (input.tagIds) checkTagIds(reads, input.tagIds);
}

/** Keeps the contact's search row in step; runs inside the write transaction. */
export function reindexContact(writer: RecordWriter, id: number): void {
  const contact = readContact(writer.bookkeepingReads, id);
  if (!contact || contact.deletedAt !== null) {
    writer.unindex('contact', id);
    return;
  }
  writer.index('contact', id, contactSearchParts(contact));
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

export function createContact(store: Store, input: ContactCreate): Contact {
  const id = write(store, (writer) => insertContact(writer, input));
  return getContact(store, id);
}

/** The insert itself, for callers that batch many contacts in one transaction (import, sample data). */
export function insertContact(writer: RecordWriter, input: ContactCreate): number {
  checkReferences(writer.reads, input);
  checkPrivacy(writer.reads.viewer, input);
  const id = writer.insert(
    contacts,
    { ...scalarColumns(input), name: input.name, sortName: normalizeText(input.name) },
    { children: [channelsReplacement('email', input.emails), channelsReplacement('phone', input.phones), tagsReplacement('contact', input.tagIds)] },
  );
  reindexContact(writer, id);
  return id;
}

export function updateContact(store: Store, input: ContactUpdate): Contact {
  write(store, (writer) => {
    const { reads } = writer;
    const { patch } = input;
    const before = readContact(reads, input.id);
    if (!before) throw notFound('Contact', input.id);
    checkReferences(reads, patch);
    checkPrivacyChange(reads.viewer, before, patch);
    const children = [
      ...(patch.emails ? [channelsReplacement('email', patch.emails)] : []),
      ...(patch.phones ? [channelsReplacement('phone', patch.phones)] : []),
      ...(patch.tagIds ? [tagsReplacement('contact', patch.tagIds)] : []),
    ];
    writer.update(contacts, input.id, input.version, scalarColumns(patch), { children, describeCurrent: (id) => readContact(reads, id) });
    reindexContact(writer, input.id);
  });
  return getContact(store, input.id);
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
  owned: contacts,
  linkedNames: { companyName: co },
  deletedAt: c.deletedAt,
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
    isPrivate: c.isPrivate,
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
  const where = [contactListSource.live!];
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
    // By name the matches are read in the index's order (db/search/order.ts), however many there are.
    search: query.search ? { kind: 'contact', query: query.search, indexOrder: query.sort === 'name' ? { walk: true } : undefined } : undefined,
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

/**
 * Live contacts other than `excludeId` with a channel of this `kind` and `normalized` value, by the
 * channels' lookup index (exported for the plan test).
 */
export function duplicateQuery(reads: Reads) {
  return reads.db
    .select({ id: contacts.id, name: contacts.name, privateOwner: privateOwnerOf(contacts) })
    .from(contactChannels)
    .innerJoin(contacts, eq(contacts.id, contactChannels.contactId))
    .where(
      and(
        eq(contactChannels.kind, sql.placeholder('kind')),
        eq(contactChannels.normalized, sql.placeholder('normalized')),
        isNull(contacts.deletedAt),
        ne(contacts.id, sql.placeholder('excludeId')),
      ),
    )
    .limit(5);
}

const duplicatesOf = oncePerConnection((reads) => duplicateQuery(reads).prepare());

/**
 * Live contacts sharing any of the given emails or phones (phones compared by digits). A private
 * contact the reader may not see is still reported, so nobody keeps a second record of that person
 * unawares, but without its name or a way to it.
 */
export function findDuplicates(store: Store, query: DuplicateQuery): DuplicateMatch[] {
  const wanted = [
    ...query.emails.filter(Boolean).map((value) => ({ kind: 'email' as const, value, normalized: normalizeChannel('email', value) })),
    ...query.phones
      .map((value) => ({ kind: 'phone' as const, value, normalized: normalizeChannel('phone', value) }))
      .filter((entry) => entry.normalized.length >= 5),
  ];
  return wanted.flatMap((entry) =>
    duplicatesOf(store.reads)
      .all({ kind: entry.kind, normalized: entry.normalized, excludeId: query.excludeId ?? 0 })
      .map((row) => {
        const name = linkedName(row.name, row.privateOwner, store.reads.viewer);
        return { contactId: name === null ? null : row.id, name, matched: entry.value, field: entry.kind };
      }),
  );
}
