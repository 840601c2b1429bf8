import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CHANNEL_LABELS, CONTACT_SOURCES, CREDIT_RATINGS, LIFECYCLE_STAGES } from '../contract/people';
import { rankSql } from '../read/keyset';
import { withDerivedColumns } from '../write/derived-columns';
import { ownedColumns, recordColumns } from '../system/schema';

export const companies = withDerivedColumns(
  sqliteTable(
    'companies',
    {
      id: integer('id').primaryKey(),
      name: text('name').notNull(),
      /** Lower-cased name for case-insensitive sort with an index (keyset pagination). */
      sortName: text('sort_name').notNull(),
      industry: text('industry'),
      website: text('website'),
      email: text('email'),
      phone: text('phone'),
      street: text('street'),
      city: text('city'),
      region: text('region'),
      postalCode: text('postal_code'),
      country: text('country'),
      ...ownedColumns(),
      ...recordColumns(),
    },
    (table) => [
      index('companies_sort_name_idx').on(table.deletedAt, table.sortName, table.id),
      index('companies_updated_idx').on(table.deletedAt, table.updatedAt, table.id),
      index('companies_created_idx').on(table.deletedAt, table.createdAt, table.id),
      index('companies_owner_idx').on(table.ownerId),
      index('companies_private_idx').on(table.ownerId).where(sql`${table.isPrivate} = 1`),
    ],
  ),
  ['sortName'],
);

export const contacts = withDerivedColumns(
  sqliteTable(
    'contacts',
    {
      id: integer('id').primaryKey(),
      name: text('name').notNull(),
      sortName: text('sort_name').notNull(),
      jobTitle: text('job_title'),
      companyId: integer('company_id').references(() => companies.id),
      street: text('street'),
      city: text('city'),
      region: text('region'),
      postalCode: text('postal_code'),
      country: text('country'),
      birthday: text('birthday'),
      source: text('source', { enum: CONTACT_SOURCES }),
      lifecycle: text('lifecycle', { enum: LIFECYCLE_STAGES }).notNull().default('lead'),
      ...ownedColumns(),
      vip: integer('vip', { mode: 'boolean' }).notNull().default(false),
      creditRating: text('credit_rating', { enum: CREDIT_RATINGS }),
      dncEmail: integer('dnc_email', { mode: 'boolean' }).notNull().default(false),
      dncPhone: integer('dnc_phone', { mode: 'boolean' }).notNull().default(false),
      dncSms: integer('dnc_sms', { mode: 'boolean' }).notNull().default(false),
      dncMail: integer('dnc_mail', { mode: 'boolean' }).notNull().default(false),
      ...recordColumns(),
    },
    (table) => [
      index('contacts_sort_name_idx').on(table.deletedAt, table.sortName, table.id),
      index('contacts_updated_idx').on(table.deletedAt, table.updatedAt, table.id),
      index('contacts_created_idx').on(table.deletedAt, table.createdAt, table.id),
      index('contacts_lifecycle_idx').on(table.deletedAt, table.lifecycle, table.sortName, table.id),
      // The lifecycle column sorts in the stages' order; this expression must be the list's (rankSql).
      index('contacts_lifecycle_rank_idx').on(table.deletedAt, sql.raw(rankSql('lifecycle', LIFECYCLE_STAGES)), table.sortName, table.id),
      index('contacts_company_idx').on(table.companyId, table.sortName),
      index('contacts_owner_idx').on(table.ownerId, table.sortName),
      index('contacts_private_idx').on(table.ownerId).where(sql`${table.isPrivate} = 1`),
      check('contacts_lifecycle_check', sql`${table.lifecycle} in ('lead','prospect','customer','inactive')`),
      check(
        'contacts_source_check',
        sql`${table.source} is null or ${table.source} in ('walk_in','referral','web','phone','campaign','event','social','other')`,
      ),
      check('contacts_credit_check', sql`${table.creditRating} is null or ${table.creditRating} in ('A','B','C','D')`),
    ],
  ),
  ['sortName'],
);

/** Emails and phones of a contact, in display order; `normalized` drives duplicate checks. */
export const contactChannels = sqliteTable(
  'contact_channels',
  {
    id: integer('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['email', 'phone'] }).notNull(),
    label: text('label', { enum: CHANNEL_LABELS }).notNull(),
    value: text('value').notNull(),
    normalized: text('normalized').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [
    index('contact_channels_contact_idx').on(table.contactId, table.kind, table.position),
    index('contact_channels_lookup_idx').on(table.kind, table.normalized),
    check('contact_channels_kind_check', sql`${table.kind} in ('email','phone')`),
    check('contact_channels_label_check', sql`${table.label} in ('work','home','mobile','other')`),
  ],
);

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    color: text('color'),
    ...recordColumns(),
  },
  (table) => [uniqueIndex('tags_name_idx').on(sql`lower(${table.name})`)],
);

export const contactTags = sqliteTable(
  'contact_tags',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.contactId, table.tagId] }), index('contact_tags_tag_idx').on(table.tagId, table.contactId)],
);

export const companyTags = sqliteTable(
  'company_tags',
  {
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.tagId] }), index('company_tags_tag_idx').on(table.tagId, table.companyId)],
);

export const notes = sqliteTable(
  'notes',
  {
    id: integer('id').primaryKey(),
    contactId: integer('contact_id').references(() => contacts.id),
    companyId: integer('company_id').references(() => companies.id),
    body: text('body').notNull(),
    ...recordColumns(),
  },
  (table) => [
    index('notes_contact_idx').on(table.contactId, table.createdAt),
    index('notes_company_idx').on(table.companyId, table.createdAt),
    // The Trash reads deleted rows newest first; partial, so live rows cost the index nothing.
    index('notes_trash_idx').on(table.deletedAt).where(sql`${table.deletedAt} IS NOT NULL`),
    check('notes_target_check', sql`${table.contactId} is not null or ${table.companyId} is not null`),
  ],
);
