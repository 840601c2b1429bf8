import type { RecordLinks, RecordMeta } from '../contract/common';
import type { RecordTable } from '../write/record-writer';

/** The bookkeeping columns every record row carries, as stored. */
export interface RecordMetaRow {
  id: number;
  version: number;
  created_at: number;
  updated_at: number;
  created_by: number | null;
  updated_by: number | null;
  deleted_at: number | null;
}

export function recordMeta(row: RecordMetaRow): RecordMeta {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    deletedAt: row.deleted_at,
  };
}

export interface Address {
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface AddressRow {
  street: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
}

export function addressFromRow(row: AddressRow): Address {
  return { street: row.street, city: row.city, region: row.region, postalCode: row.postal_code, country: row.country };
}

/** Address fields as Drizzle column values; a patch replaces the fields it names. */
export function addressColumns(address: Partial<Address>): Partial<Address> {
  const { street, city, region, postalCode, country } = address;
  return { street, city, region, postalCode, country };
}

/** Rows that carry a record's links joined with their names (activities, tasks, orders). */
export interface RecordLinksRow {
  contact_id: number | null;
  contact_name: string | null;
  company_id: number | null;
  company_name: string | null;
  deal_id: number | null;
  deal_title: string | null;
}

export function recordLinks(row: RecordLinksRow): RecordLinks {
  return {
    contactId: row.contact_id,
    contactName: row.contact_name,
    companyId: row.company_id,
    companyName: row.company_name,
    dealId: row.deal_id,
    dealTitle: row.deal_title,
  };
}

/** The bookkeeping columns of a record table as a builder selection: rows come back as `RecordMeta`. */
export function recordMetaColumns<T extends RecordTable>(table: T) {
  return {
    id: table.id as T['id'],
    version: table.version as T['version'],
    createdAt: table.createdAt as T['createdAt'],
    updatedAt: table.updatedAt as T['updatedAt'],
    createdBy: table.createdBy as T['createdBy'],
    updatedBy: table.updatedBy as T['updatedBy'],
    deletedAt: table.deletedAt as T['deletedAt'],
  };
}
