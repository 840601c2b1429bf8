import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
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
import { pageOf, rankOf, rankSql, type KeyValue } from '../read/keyset';
import { listPage, type ListSpec, pagingOf } from '../read/list-page';
import { addressColumns, recordMeta, recordMetaColumns, type RecordMetaRow } from '../read/record-mapping';
import { normalizeText, phoneDigits } from '../search/text';
import type { RecordWriter } from '../write/record-writer';
import { oncePerConnection, readsOf, type Reads } from '../read/reads';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import type { Store } from '../workspace/store';
import { users } from '../system/schema';
import type { z } from 'zod';
import { companies, contactChannels, contacts } from './schema';
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
  if (!row) return undefined;
  const { meta, street, city, region, postalCode, country, dncEmail, dncPhone, dncSms, dncMail, ...fields } = row;
  const channels = readChannels(reads, id);
  return {
    ...fields,
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
  const contact = readContact(writer.reads, id);
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
    if (!readContact(reads, input.id)) throw notFound('Contact', input.id);
    checkReferences(reads, patch);
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

const SORT_KEYS: Record<ContactListQuery['sort'], { columns: string[]; values: (row: ListDbRow) => KeyValue[] }> = {
  name: { columns: ['c.sort_name', 'c.id'], values: (row) => [row.sort_name, row.id] },
  updatedAt: { columns: ['c.updated_at', 'c.id'], values: (row) => [row.updated_at, row.id] },
  createdAt: { columns: ['c.created_at', 'c.id'], values: (row) => [row.created_at, row.id] },
  // In the stages' order (lead → prospect → customer → inactive), not alphabetically.
  lifecycle: {
    columns: [rankSql('c.lifecycle', LIFECYCLE_STAGES), 'c.sort_name', 'c.id'],
    values: (row) => [rankOf(row.lifecycle, LIFECYCLE_STAGES), row.sort_name, row.id],
  },
};

interface ListDbRow extends RecordMetaRow {
  name: string;
  sort_name: string;
  job_title: string | null;
  company_id: number | null;
  company_name: string | null;
  primary_email: string | null;
  primary_phone: string | null;
  lifecycle: ContactRow['lifecycle'];
  owner_id: number | null;
  owner_name: string | null;
  vip: number;
  city: string | null;
}

/** The filters of the contacts list other than the search (which `listPage` plans against the index). */
function listFilter(query: Pick<ContactListQuery, 'tagId' | 'lifecycle' | 'ownerId' | 'companyId' | 'vip'>) {
  const where = ['c.deleted_at IS NULL'];
  const params: KeyValue[] = [];
  if (query.lifecycle) {
    where.push('c.lifecycle = ?');
    params.push(query.lifecycle);
  }
  if (query.ownerId !== undefined) {
    where.push('c.owner_id = ?');
    params.push(query.ownerId);
  }
  if (query.companyId !== undefined) {
    where.push('c.company_id = ?');
    params.push(query.companyId);
  }
  if (query.vip !== undefined) {
    where.push('c.vip = ?');
    params.push(query.vip ? 1 : 0);
  }
  if (query.tagId !== undefined) {
    where.push('c.id IN (SELECT contact_id FROM contact_tags WHERE tag_id = ?)');
    params.push(query.tagId);
  }
  return { where, params };
}

const CONTACT_LIST_SELECT = `c.id, c.name, c.sort_name, c.job_title, c.company_id, co.name AS company_name,
       (SELECT value FROM contact_channels ch WHERE ch.contact_id = c.id AND ch.kind = 'email' ORDER BY ch.position LIMIT 1) AS primary_email,
       (SELECT value FROM contact_channels ch WHERE ch.contact_id = c.id AND ch.kind = 'phone' ORDER BY ch.position LIMIT 1) AS primary_phone,
       c.lifecycle, c.owner_id, u.name AS owner_name, c.vip, c.city,
       c.version, c.created_at, c.updated_at, c.created_by, c.updated_by, c.deleted_at`;

/** The contacts list as `listPage` runs it; exported so plan tests explain the very queries the list runs. */
export function contactListSpec(query: ContactListQuery): ListSpec {
  const filter = listFilter(query);
  return {
    select: CONTACT_LIST_SELECT,
    from: 'contacts c LEFT JOIN companies co ON co.id = c.company_id LEFT JOIN users u ON u.id = c.owner_id',
    table: 'contacts c',
    idColumn: 'c.id',
    where: filter.where,
    params: filter.params,
    ...pagingOf(query, SORT_KEYS[query.sort].columns),
    search: query.search ? { kind: 'contact', query: query.search } : undefined,
  };
}

export function listContacts(workspace: Workspace, query: ContactListQuery): Page<ContactRow> {
  const { sqlite } = workspace;
  const page = listPage<ListDbRow>(sqlite, contactListSpec(query));
  const { pageRows, nextCursor } = pageOf(page.rows, query.limit, SORT_KEYS[query.sort].values);
  const tags = tagsFor(readsOf(sqlite), 'contact', pageRows.map((row) => row.id));
  return {
    rows: pageRows.map((row) => ({
      name: row.name,
      jobTitle: row.job_title,
      companyId: row.company_id,
      companyName: row.company_name,
      primaryEmail: row.primary_email,
      primaryPhone: row.primary_phone,
      lifecycle: row.lifecycle,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      vip: row.vip === 1,
      city: row.city,
      tags: tags.get(row.id) ?? [],
      ...recordMeta(row),
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
    .select({ id: contacts.id, name: contacts.name })
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

/** Live contacts sharing any of the given emails or phones (phones compared by digits). */
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
      .map((row) => ({ contactId: row.id, name: row.name, matched: entry.value, field: entry.kind })),
  );
}
