import { z } from 'zod';
import {
  cursor,
  exactTotal,
  id,
  isPrivate,
  isoDate,
  issue,
  optionalText,
  pageLimit,
  requiredText,
  sortDirection,
  version,
  type RecordMeta,
} from './common';

export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'inactive'] as const;
export const CONTACT_SOURCES = [
  'walk_in',
  'referral',
  'web',
  'phone',
  'campaign',
  'event',
  'social',
  'other',
] as const;
export const CREDIT_RATINGS = ['A', 'B', 'C', 'D'] as const;
export const CHANNEL_LABELS = ['work', 'home', 'mobile', 'other'] as const;
export const DO_NOT_CONTACT_CHANNELS = ['email', 'phone', 'sms', 'mail'] as const;

export const lifecycleStage = z.enum(LIFECYCLE_STAGES);
export const contactSource = z.enum(CONTACT_SOURCES);
export const creditRating = z.enum(CREDIT_RATINGS);
export const channelLabel = z.enum(CHANNEL_LABELS);

export const emailEntry = z.object({
  label: channelLabel.default('work'),
  value: z.string().trim().toLowerCase().max(254, issue.maxLength(254)).pipe(z.email('Not a valid email address')),
});

/** Phones are free text (shops write them many ways) but must hold 3 to 20 digits. */
export const phoneEntry = z.object({
  label: channelLabel.default('mobile'),
  value: z
    .string()
    .trim()
    .max(40, issue.maxLength(40))
    .regex(/^[+\d\s().\-/]*(?:(?:ext|x)\.?\s*\d+)?$/i, 'Only digits, spaces and + ( ) - . /')
    .refine((value) => {
      const digits = value.replace(/\D/g, '').length;
      return digits >= 3 && digits <= 20;
    }, 'A phone number needs 3 to 20 digits'),
});

export const address = z.object({
  street: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  country: optionalText(100),
});

export const doNotContact = z.object({
  email: z.boolean().default(false),
  phone: z.boolean().default(false),
  sms: z.boolean().default(false),
  mail: z.boolean().default(false),
});

const nullableId = id.nullish().transform((value) => value ?? null);

/** Field validators without defaults: a patch must leave absent fields alone. */
const contactFields = {
  name: requiredText(200),
  jobTitle: optionalText(200),
  companyId: nullableId,
  emails: z.array(emailEntry).max(10),
  phones: z.array(phoneEntry).max(10),
  address,
  birthday: isoDate.nullish().transform((value) => value ?? null),
  source: contactSource.nullish().transform((value) => value ?? null),
  lifecycle: lifecycleStage,
  ownerId: nullableId,
  isPrivate,
  vip: z.boolean(),
  creditRating: creditRating.nullish().transform((value) => value ?? null),
  doNotContact,
  tagIds: z.array(id).max(50),
};

export const contactCreate = z.object({
  ...contactFields,
  emails: contactFields.emails.default([]),
  phones: contactFields.phones.default([]),
  address: address.prefault({}),
  lifecycle: lifecycleStage.default('lead'),
  isPrivate: isPrivate.default(false),
  vip: z.boolean().default(false),
  doNotContact: doNotContact.prefault({}),
  tagIds: contactFields.tagIds.default([]),
});

export type ContactCreateInput = z.input<typeof contactCreate>;
export type ContactCreate = z.output<typeof contactCreate>;

/** An update names the version it read (optimistic concurrency) and only the fields it changes. */
export const contactUpdate = z.object({
  id,
  version,
  patch: z.object(contactFields).partial(),
});
export type ContactUpdateInput = z.input<typeof contactUpdate>;

export const contactSortFields = ['name', 'updatedAt', 'createdAt', 'lifecycle'] as const;

export const contactListFilter = z.object({
  search: z.string().trim().max(200).optional(),
  tagId: id.optional(),
  lifecycle: lifecycleStage.optional(),
  ownerId: id.optional(),
  companyId: id.optional(),
  vip: z.boolean().optional(),
});

export const contactList = contactListFilter.extend({
  sort: z.enum(contactSortFields).default('name'),
  /** Every list names its sort direction `order`: tRPC's infinite queries own `direction` (and drop it from keys). */
  order: sortDirection.default('asc'),
  limit: pageLimit,
  cursor: cursor.optional(),
  exactTotal,
});
export type ContactListInput = z.input<typeof contactList>;

export interface ContactRow extends RecordMeta {
  name: string;
  jobTitle: string | null;
  companyId: number | null;
  companyName: string | null;
  primaryEmail: string | null;
  primaryPhone: string | null;
  lifecycle: (typeof LIFECYCLE_STAGES)[number];
  ownerId: number | null;
  ownerName: string | null;
  /** Seen only by its owner and by managers and owners of the workspace. */
  isPrivate: boolean;
  vip: boolean;
  city: string | null;
  tags: TagRef[];
}

export interface Contact extends RecordMeta {
  name: string;
  jobTitle: string | null;
  companyId: number | null;
  companyName: string | null;
  emails: { label: (typeof CHANNEL_LABELS)[number]; value: string }[];
  phones: { label: (typeof CHANNEL_LABELS)[number]; value: string }[];
  address: {
    street: string | null;
    city: string | null;
    region: string | null;
    postalCode: string | null;
    country: string | null;
  };
  birthday: string | null;
  source: (typeof CONTACT_SOURCES)[number] | null;
  lifecycle: (typeof LIFECYCLE_STAGES)[number];
  ownerId: number | null;
  ownerName: string | null;
  /** Seen only by its owner and by managers and owners of the workspace. */
  isPrivate: boolean;
  vip: boolean;
  creditRating: (typeof CREDIT_RATINGS)[number] | null;
  doNotContact: Record<(typeof DO_NOT_CONTACT_CHANNELS)[number], boolean>;
  tags: TagRef[];
}

const companyFields = {
  name: requiredText(200),
  industry: optionalText(100),
  website: optionalText(300),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, issue.maxLength(254))
    .pipe(z.email('Not a valid email address'))
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((value) => value ?? null),
  phone: phoneEntry.shape.value.nullish().or(z.literal('').transform(() => null)).transform((value) => value ?? null),
  address,
  ownerId: nullableId,
  isPrivate,
  tagIds: z.array(id).max(50),
};

export const companyCreate = z.object({
  ...companyFields,
  address: address.prefault({}),
  isPrivate: isPrivate.default(false),
  tagIds: companyFields.tagIds.default([]),
});
export type CompanyCreateInput = z.input<typeof companyCreate>;
export type CompanyCreate = z.output<typeof companyCreate>;

export const companyUpdate = z.object({
  id,
  version,
  patch: z.object(companyFields).partial(),
});
export type CompanyUpdateInput = z.input<typeof companyUpdate>;

export const companySortFields = ['name', 'updatedAt', 'createdAt'] as const;

export const companyList = z.object({
  search: z.string().trim().max(200).optional(),
  tagId: id.optional(),
  ownerId: id.optional(),
  sort: z.enum(companySortFields).default('name'),
  order: sortDirection.default('asc'),
  limit: pageLimit,
  cursor: cursor.optional(),
  exactTotal,
});
export type CompanyListInput = z.input<typeof companyList>;

export interface CompanyRow extends RecordMeta {
  name: string;
  industry: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  ownerId: number | null;
  ownerName: string | null;
  /** Seen only by its owner and by managers and owners of the workspace. */
  isPrivate: boolean;
  contactCount: number;
  tags: TagRef[];
}

export interface Company extends RecordMeta {
  name: string;
  industry: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: Contact['address'];
  ownerId: number | null;
  ownerName: string | null;
  /** Seen only by its owner and by managers and owners of the workspace. */
  isPrivate: boolean;
  tags: TagRef[];
}

export interface TagRef {
  id: number;
  name: string;
  color: string | null;
}

export const tagCreate = z.object({
  name: requiredText(50),
  color: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, 'Use a colour like #3366ff')
    .nullish()
    .transform((value) => value ?? null),
});

export const recordRef = z.object({
  kind: z.enum(['contact', 'company']),
  id,
});
export type RecordRef = z.infer<typeof recordRef>;

export const bulkTag = z.object({
  kind: z.enum(['contact', 'company']),
  ids: z.array(id).min(1).max(10_000),
  tagId: id,
  /** true adds the tag, false removes it. */
  add: z.boolean().default(true),
});

export const bulkRemove = z.object({
  kind: z.enum(['contact', 'company']),
  ids: z.array(id).min(1).max(10_000),
});

export const removeInput = z.object({ id, version: version.optional() });

export const noteCreate = z.object({
  target: recordRef,
  body: requiredText(20_000),
});

export const noteUpdate = z.object({
  id,
  version,
  body: requiredText(20_000),
});

export interface Note extends RecordMeta {
  contactId: number | null;
  companyId: number | null;
  body: string;
  authorName: string | null;
}

/** Existing contacts that share an email or phone with a draft (duplicate warning). */
export const duplicateCheck = z.object({
  emails: z.array(z.string().trim().max(254)).max(10).default([]),
  phones: z.array(z.string().trim().max(40)).max(10).default([]),
  excludeId: id.optional(),
});

export interface DuplicateMatch {
  /** Null, as is `name`, for a private contact the reader may not see. */
  contactId: number | null;
  name: string | null;
  matched: string;
  field: 'email' | 'phone';
}
