import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { Company, CompanyCreate, CompanyRow, ContactRow, companyList, companyUpdate } from '../contract/people';
import { notFound, validation } from '../errors';
import { pageOf, type KeyValue, type SortKey } from '../read/keyset';
import { leftJoin, listPage, listSource, pagingOf, type ListSpec } from '../read/list-page';
import { statement } from '../read/statements';
import { addressColumns, addressFromRow, recordMeta, type RecordMetaRow } from '../read/record-mapping';
import { indexRecord, unindexRecord } from '../search/index';
import { normalizeText, phoneDigits } from '../search/text';
import type { RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { listContacts, reindexContact } from './contacts';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { users } from '../system/schema';
import type { Store } from '../workspace/store';
import { companies, companyTags, contacts } from './schema';
import { checkTagIds, tagsFor, tagsReplacement } from './tags';
import { readsOf } from '../read/reads';

type CompanyUpdate = z.output<typeof companyUpdate>;
type CompanyListQuery = z.output<typeof companyList>;

interface CompanyDbRow extends RecordMetaRow {
  name: string;
  sort_name: string;
  industry: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  owner_id: number | null;
  owner_name: string | null;
}

export function readCompany(sqlite: Database.Database, id: number): Company | undefined {
  const row = statement(
    sqlite,
    'SELECT co.*, u.name AS owner_name FROM companies co LEFT JOIN users u ON u.id = co.owner_id WHERE co.id = ?',
  ).get(id) as CompanyDbRow | undefined;
  if (!row) return undefined;
  return {
    name: row.name,
    industry: row.industry,
    website: row.website,
    email: row.email,
    phone: row.phone,
    address: addressFromRow(row),
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    tags: tagsFor(readsOf(sqlite), 'company', [id]).get(id) ?? [],
    ...recordMeta(row),
  };
}

export function getCompany(workspace: Workspace, id: number, options: { includeDeleted?: boolean } = {}): Company {
  const company = readCompany(workspace.sqlite, id);
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
  return values;
}

function checkReferences(sqlite: Database.Database, input: Partial<CompanyCreate>): void {
  if (input.ownerId != null && !sqlite.prepare('SELECT 1 FROM users WHERE id = ? AND deleted_at IS NULL').get(input.ownerId)) {
    throw validation('ownerId', `User ${input.ownerId} does not exist`);
  }
  if (input.tagIds) checkTagIds(readsOf(sqlite), input.tagIds);
}

export function reindexCompany(sqlite: Database.Database, id: number): void {
  const company = readCompany(sqlite, id);
  if (!company || company.deletedAt !== null) {
    unindexRecord(sqlite, 'company', id);
    return;
  }
  indexRecord(sqlite, 'company', id, [
    company.name,
    company.industry,
    company.email,
    company.phone,
    company.phone ? phoneDigits(company.phone) : null,
    company.website,
    company.address.city,
  ]);
}

export function createCompany(workspace: Workspace, input: CompanyCreate): Company {
  const id = write(workspace, (writer) => insertCompany(writer, input));
  return getCompany(workspace, id);
}

export function insertCompany(writer: RecordWriter, input: CompanyCreate): number {
  checkReferences(writer.sqlite, input);
  const id = writer.insert(
    companies,
    { ...scalarColumns(input), name: input.name, sortName: normalizeText(input.name) },
    { children: [tagsReplacement('company', input.tagIds)] },
  );
  reindexCompany(writer.sqlite, id);
  return id;
}

export function updateCompany(workspace: Workspace, input: CompanyUpdate): Company {
  write(workspace, (writer) => {
    const { sqlite } = writer;
    const before = readCompany(sqlite, input.id);
    if (!before) throw notFound('Company', input.id);
    checkReferences(sqlite, input.patch);
    writer.update(companies, input.id, input.version, scalarColumns(input.patch), {
      children: input.patch.tagIds ? [tagsReplacement('company', input.patch.tagIds)] : [],
      describeCurrent: (id) => readCompany(sqlite, id),
    });
    reindexCompany(sqlite, input.id);
    if (input.patch.name !== undefined && input.patch.name !== before.name) reindexCompanyContacts(sqlite, input.id);
  });
  return getCompany(workspace, input.id);
}

/** Contacts are found by their company's name, so a rename refreshes their search rows. */
function reindexCompanyContacts(sqlite: Database.Database, companyId: number): void {
  const ids = sqlite.prepare('SELECT id FROM contacts WHERE company_id = ? AND deleted_at IS NULL').all(companyId) as { id: number }[];
  for (const { id } of ids) reindexContact(sqlite, id);
}

const co = alias(companies, 'co');
const u = alias(users, 'u');
const c = alias(contacts, 'c');

/** The companies list's rows: the fields of `CompanyRow` by name (tags come separately), and the name's sort key. */
const companyListSource = listSource({
  table: companies,
  as: co,
  id: co.id,
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
    contactCount: sql<number>`(SELECT count(*) FROM ${contacts} ${c} WHERE ${c.companyId} = ${co.id} AND ${c.deletedAt} IS NULL)`,
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
  const where = [sql`${co.deletedAt} IS NULL`];
  if (query.ownerId !== undefined) where.push(sql`${co.ownerId} = ${query.ownerId}`);
  if (query.tagId !== undefined) {
    where.push(sql`${co.id} IN (SELECT ${companyTags.companyId} FROM ${companyTags} WHERE ${companyTags.tagId} = ${query.tagId})`);
  }
  return {
    source: companyListSource,
    where,
    ...pagingOf(query, SORT_KEYS[query.sort].keys),
    search: query.search ? { kind: 'company', query: query.search } : undefined,
  };
}

/** The sort key the global search ranks names starting with the query by. */
export const companyNameKey = co.sortName;

export function listCompanies(store: Store, query: CompanyListQuery): Page<CompanyRow> {
  const page = listPage(store.reads, companyListSpec(query));
  const { pageRows, nextCursor } = pageOf(page.rows, query.limit, SORT_KEYS[query.sort].values);
  const tags = tagsFor(store.reads, 'company', pageRows.map((row) => row.id));
  return {
    rows: pageRows.map(({ sortName: _sortName, ...row }) => ({ ...row, tags: tags.get(row.id) ?? [] })),
    nextCursor,
    total: page.total,
    totalAtLeast: page.totalAtLeast,
  };
}

/** The company page's people: every live contact of the company, by name. */
export function companyContacts(workspace: Workspace, companyId: number): ContactRow[] {
  getCompany(workspace, companyId, { includeDeleted: true });
  return listContacts(workspace, { companyId, sort: 'name', order: 'asc', limit: 500 }).rows;
}
