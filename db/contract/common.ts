import { z } from 'zod';

/**
 * Messages that say what is wrong and what is allowed, with the limit in them. The renderer
 * recognises each shape (renderer/src/i18n/validation-messages.ts) and shows it translated with
 * the same numbers, so a server-side VALIDATION reads like the form's own check.
 */
export const issue = {
  required: 'Required',
  maxLength: (max: number) => `At most ${max} characters`,
  wholeNumber: 'Whole numbers only',
  atLeast: (min: number) => `Enter ${min} or more`,
  atMost: (max: number) => `Enter ${max} or less`,
  privateNeedsOwner: 'A private record is seen only by its owner and managers: make yourself its owner, or ask a manager',
} as const;

/** A whole number between `min` and `max`, each limit stated when broken. */
export const wholeNumber = (min: number, max: number, wholeMessage: string = issue.wholeNumber) =>
  z.number().int(wholeMessage).min(min, issue.atLeast(min)).max(max, issue.atMost(max));

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const version = z.number().int().positive();

/** Trimmed text with an upper bound; empty strings become null so "cleared" is one value. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, issue.maxLength(max))
    .nullish()
    .transform((value) => (value ? value : null));

export const requiredText = (max: number) => z.string().trim().min(1, issue.required).max(max, issue.maxLength(max));

/** A calendar date without time (birthdays): YYYY-MM-DD, validated as a real date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Not a real date');

export const sortDirection = z.enum(['asc', 'desc']);

/** Opaque keyset cursor handed back by list procedures. */
export const cursor = z.string().max(512);

export const pageLimit = z.number().int().min(1).max(500).default(50);

/** Ask a list's first page to count every match instead of stopping at the cap ("count exactly"). */
export const exactTotal = z.boolean().optional();

/**
 * How many rows match a list's filters, given on the first page only. Counting stops at a cap so a
 * first page costs the same at a million rows: past it, `total` is null and `totalAtLeast` the cap
 * ("10,000+"), until the page is asked again with `exactTotal`.
 */
export interface PageTotal {
  /** The exact count; null on later pages and when counting stopped at the cap. */
  total: number | null;
  /** Set when counting stopped at the cap: at least this many match (lists that never cap leave it out). */
  totalAtLeast?: number | null;
}

export interface Page<Row> extends PageTotal {
  rows: Row[];
  /** Pass back as `cursor` to get the next page; null when this is the last page. */
  nextCursor: string | null;
}

export interface RecordMeta {
  id: number;
  version: number;
  createdAt: number;
  updatedAt: number;
  createdBy: number | null;
  updatedBy: number | null;
  deletedAt: number | null;
}

/** The contact, company and deal a record is about, with their names for display. */
export interface RecordLinks {
  contactId: number | null;
  contactName: string | null;
  companyId: number | null;
  companyName: string | null;
  dealId: number | null;
  dealTitle: string | null;
}

/** A private record is seen only by its owner and by the workspace's managers and owners. */
export const isPrivate = z.boolean();
