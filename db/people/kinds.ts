import { sql } from 'drizzle-orm';
import { defineRecordKind } from '../system/record-kind';
import { readCompany, reindexCompany } from './companies';
import { readContact, reindexContact } from './contacts';
import { readNote, reindexNote } from './notes';
import { companies, contacts, notes } from './schema';
import { companyHits, contactHits, noteHits } from './search-hits';

export const contactKind = defineRecordKind({
  table: contacts,
  noun: { one: 'contact', many: 'contacts' },
  read: readContact,
  title: contacts.name,
  links: [{ column: 'company_id', to: 'company', onPurge: 'clear' }],
  search: { reindex: reindexContact, hits: contactHits },
});

export const companyKind = defineRecordKind({
  table: companies,
  noun: { one: 'company', many: 'companies' },
  read: readCompany,
  title: companies.name,
  links: [],
  search: { reindex: reindexCompany, hits: companyHits },
});

export const noteKind = defineRecordKind({
  table: notes,
  noun: { one: 'note', many: 'notes' },
  read: readNote,
  title: sql`substr(${notes.body}, 1, 120)`,
  links: [
    { column: 'contact_id', to: 'contact', onPurge: 'cascade' },
    { column: 'company_id', to: 'company', onPurge: 'cascade' },
  ],
  search: { reindex: reindexNote, hits: noteHits },
});
