import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { Company, CompanyCreate, CompanyRow, ContactRow, companyList, companyUpdate } from '../contract/people';
import { notFound } from '../errors';
import { requireLive } from '../read/references';
import { pageOf, type KeyValue, type SortKey } from '../read/keyset';
import { listPage, type ListSpec, pagingOf, leftJoin, listSource } from '../read/list-page';
import { addressColumns, recordMetaColumns } from '../read/record-mapping';
import { normalizeText, phoneDigits } from '../search/text';
import type { RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { users } from '../system/schema';
import { listContacts, reindexContact } from './contacts';
import { companies, contacts, companyTags } from './schema';
import { alias } from 'drizzle-orm/sqlite-core';
import { checkTagIds, tagsFor, tagsReplacement } from './tags';
import { oncePerConnection, type Reads } from '../read/reads';
import { canSee, checkPrivacy, checkPrivacyChange, hiddenAmong, privateOwnerOf } from '../read/visibility';

type CompanyUpdate = z.output<typeof companyUpdate>;
type CompanyListQuery = z.output<typeof companyList>;

/** A company page's record by `id`, with its owner's name (exported for the plan test). */
export function companyQuery(reads: Reads) {
  return reads.db
    .select({
      meta: recordMetaColumns(companies),
      name: companies.name,
      industry: companies.industry,
      website: companies.website,
      email: companies.email,
      phone: companies.phone,
      street: companies.street,
      city: companies.city,
      region: companies.region,
      postalCode: companies.postalCode,
      country: companies.country,
      ownerId: companies.ownerId,
      ownerName: users.name,
      isPrivate: companies.isPrivate,
    })
    .from(companies)
    .leftJoin(users, eq(users.id, companies.ownerId))
    .where(eq(companies.id, sql.placeholder('id')));
}

const companyById = oncePerConnection((reads) => companyQuery(reads).prepare());

export function readCompany(reads: Reads, id: number): Company | undefined {
  const row = companyById(reads).get({ id });
  if (!row || !canSee(row, reads.viewer)) return undefined;
  const { meta, street, city, region, postalCode, country, ...fields } = row;
  return {
    ...fields,
    address: { street, city, region, postalCode, country },
    tags: tagsFor(reads, 'company', [id]).get(id) ?? [],
    ...meta,
  };
}

export function getCompany(store: Store, id: number, options: { includeDeleted?: boolean } = {}): Company {
  const company = readCompany(store.reads, id);
  if (!company || (company.deletedAt !== null && !options.includeDeleted)) throw notFound('Company', id);
  return company;
}

function scalarColumns(input: Partial<CompanyCreate>): Partial<typeof companies.$inferInsert> {
  const values: Partial<typeof companies.$inferInsert> = {};
  if (input.name !== undefined) {
    values.name = input.name;
    values.sortName = normalizeText(input.name);
  }
  if (input.industry !== undefined) values.industry = input.industry;
  if (input.website !== undefined) values.website = input.website;
  if (input.email !== undefined) values.email = input.email;
  if (input.phone !== undefined) values.phone = input.phone;
  if (input.address !== undefined) Object.assign(values, addressColumns(input.address));
  if (input.ownerId !== undefined) values.ownerId = input.ownerId;
  if (input.isPrivate !== undefined) values.isPrivate = input.isPrivate;
  return values;
}

function checkReferences(reads: Reads, input: Partial<CompanyCreate>): void {
  requireLive(reads, 'users', input.ownerId, 'ownerId');
  if (input.tagIds) checkTagIds(reads, input.tagIds);
}

export function reindexCompany(writer: RecordWriter, id: number): void {
  const company = readCompany(writer.bookkeepingReads, id);
  if (!company || company.deletedAt !== null) {
    writer.unindex('company', id);
    return;
  }
  writer.index('company', id, [
    company.name,
    company.industry,
    company.email,
    company.phone,
    company.phone ? phoneDigits(company.phone) : null,
    company.website,
    company.address.city,
  ]);
}

export function createCompany(store: Store, input: CompanyCreate): Company {
  const id = write(store, (writer) => insertCompany(writer, input));
  return getCompany(store, id);
}

export function insertCompany(writer: RecordWriter, input: CompanyCreate): number {
  checkReferences(writer.reads, input);
  checkPrivacy(writer.reads.viewer, input);
  const id = writer.insert(
    companies,
    { ...scalarColumns(input), name: input.name, sortName: normalizeText(input.name) },
    { children: [tagsReplacement('company', input.tagIds)] },
  );
  reindexCompany(writer, id);
  return id;
}

export function updateCompany(store: Store, input: CompanyUpdate): Company {
  write(store, (writer) => {
    const { reads } = writer;
    const before = readCompany(reads, input.id);
    if (!before) throw notFound('Company', input.id);
    checkReferences(reads, input.patch);
    checkPrivacyChange(reads.viewer, before, input.patch);
    writer.update(companies, input.id, input.version, scalarColumns(input.patch), {
      children: input.patch.tagIds ? [tagsReplacement('company', input.patch.tagIds)] : [],
      describeCurrent: (id) => readCompany(reads, id),
    });
    reindexCompany(writer, input.id);
    if (input.patch.name !== undefined && input.patch.name !== before.name) reindexCompanyContacts(writer, input.id);
  });
  return getCompany(store, input.id);
}

/** Contacts are found by their company's name, so a rename refreshes their search rows. */
function reindexCompanyContacts(writer: RecordWriter, companyId: number): void {
  const rows = writer.bookkeepingReads.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), isNull(contacts.deletedAt)))
    .all();
  for (const { id } of rows) reindexContact(writer, id);
}

const co = alias(companies, 'co');
const u = alias(users, 'u');
const c = alias(contacts, 'c');

/** The companies list's rows: the fields of `CompanyRow` by name (tags come separately), and the name's sort key. */
const companyListSource = listSource({
  table: companies,
  as: co,
  id: co.id,
  owned: companies,
  deletedAt: co.deletedAt,
  joins: [leftJoin(users, u, sql`${u.id} = ${co.ownerId}`)],
  columns: {
    id: co.id,
    name: co.name,
    sortName: co.sortName,
    industry: co.industry,
    city: co.city,
    phone: co.phone,
    email: co.email,
    ownerId: co.ownerId,
    ownerName: u.name,
    isPrivate: co.isPrivate,
    contactCount: sql<number>`(SELECT count(*) FROM ${contacts} ${c} WHERE ${c.companyId} = ${co.id} AND ${c.deletedAt} IS NULL)`,
    // The owners of its private contacts, so the count leaves out those the reader may not see.
    privateContactOwners: sql<string | null>`(SELECT group_concat(${privateOwnerOf(c)}) FROM ${contacts} ${c} WHERE ${c.companyId} = ${co.id} AND ${c.deletedAt} IS NULL AND ${c.isPrivate} = 1)`,
    version: co.version,
    createdAt: co.createdAt,
    updatedAt: co.updatedAt,
    createdBy: co.createdBy,
    updatedBy: co.updatedBy,
    deletedAt: co.deletedAt,
  },
});

type CompanyListRow = ReturnType<typeof companyListSource.decode>;

const SORT_KEYS: Record<CompanyListQuery['sort'], { keys: SortKey[]; values: (row: CompanyListRow) => KeyValue[] }> = {
  name: { keys: [co.sortName, co.id], values: (row) => [row.sortName, row.id] },
  updatedAt: { keys: [co.updatedAt, co.id], values: (row) => [row.updatedAt, row.id] },
  createdAt: { keys: [co.createdAt, co.id], values: (row) => [row.createdAt, row.id] },
};

/** The companies list as `listPage` runs it; exported so plan tests explain the very queries the list runs. */
export function companyListSpec(query: CompanyListQuery): ListSpec<CompanyListRow> {
  const where = [companyListSource.live!];
  if (query.ownerId !== undefined) where.push(sql`${co.ownerId} = ${query.ownerId}`);
  if (query.tagId !== undefined) {
    where.push(sql`${co.id} IN (SELECT ${companyTags.companyId} FROM ${companyTags} WHERE ${companyTags.tagId} = ${query.tagId})`);
  }
  return {
    source: companyListSource,
    where,
    ...pagingOf(query, SORT_KEYS[query.sort].keys),
    // By name the matches are read in the index's order (db/search/order.ts), however many there are.
    search: query.search ? { kind: 'company', query: query.search, indexOrder: query.sort === 'name' ? { walk: true } : undefined } : undefined,
  };
}

/** The sort key the global search ranks names starting with the query by. */
export const companyNameKey = co.sortName;

export function listCompanies(store: Store, query: CompanyListQuery): Page<CompanyRow> {
  const page = listPage(store.reads, companyListSpec(query));
  const { pageRows, nextCursor } = pageOf(page.rows, query.limit, SORT_KEYS[query.sort].values);
  const tags = tagsFor(store.reads, 'company', pageRows.map((row) => row.id));
  return {
    rows: pageRows.map(({ sortName: _sortName, privateContactOwners, ...row }) => ({
      ...row,
      contactCount: row.contactCount - hiddenAmong(privateContactOwners, store.reads.viewer),
      tags: tags.get(row.id) ?? [],
    })),
    nextCursor,
    total: page.total,
    totalAtLeast: page.totalAtLeast,
  };
}

/** The company page's people: every live contact of the company, by name. */
export function companyContacts(store: Store, companyId: number): ContactRow[] {
  getCompany(store, companyId, { includeDeleted: true });
  return listContacts(store, { companyId, sort: 'name', order: 'asc', limit: 500 }).rows;
}
