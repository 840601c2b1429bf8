import { z } from 'zod';
import type { LeaseHolderInfo } from './errors';
import { cursor, id, requiredText, version } from './common';
import { currencyCode } from './money';
import { RECORD_KINDS, SEARCH_KINDS, TRASH_KINDS, type RecordKind, type SearchKind, type TrashKind } from './record-kinds';

export const USER_ROLES = ['owner', 'manager', 'staff', 'read_only'] as const;
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: number;
  name: string;
  role: UserRole;
  active: boolean;
}

/** A staff member as Settings › Staff and the sign-in screen see them: never the PIN's hash. */
export interface StaffMember extends User {
  version: number;
  hasPin: boolean;
}

/** A PIN is 4 to 8 digits; it is stored only as a scrypt hash. */
export const pin = z.string().regex(/^\d{4,8}$/, 'Use 4 to 8 digits');

export const staffCreate = z.object({
  name: requiredText(100),
  role: z.enum(USER_ROLES),
  pin: pin.optional(),
});

/** `pin: null` clears the PIN; leaving it out keeps it. */
export const staffUpdate = z.object({
  id,
  version,
  name: requiredText(100).optional(),
  role: z.enum(USER_ROLES).optional(),
  active: z.boolean().optional(),
  pin: pin.nullable().optional(),
});

export const signInInput = z.object({ userId: id, pin: z.string().max(100).optional() });

export interface WorkspaceInfo {
  path: string;
  workspaceId: string;
  shared: boolean;
  journalMode: string;
  locale: Locale;
  currency: string;
  /** The version of the workspace settings, named by an edit of them (optimistic concurrency). */
  settingsVersion: number;
  /** False until the user chose "Start empty" or "Load sample data" on first run. */
  initialized: boolean;
  /** The staff member signed in on this connection; null until someone signs in. */
  currentUser: User | null;
  schemaVersion: number;
  counts: { contacts: number; companies: number };
  /** Other clients with this file open (shared use), by their last heartbeat. */
  others: { host: string; osUser: string; since: number; userName: string | null }[];
  integrity: IntegrityInfo;
  /** How this client shares the file (null for a local, unshared file). */
  shareSafety: ShareSafety | null;
}

/**
 * Why a shared file went read-only on this PC: `locksDoNotReach`, another PC's lock slot could be
 * taken from here (several writers would corrupt the file); `heldElsewhere`, another PC took the
 * file for itself ("this PC only").
 */
export type ShareReadOnlyReason = 'locksDoNotReach' | 'heldElsewhere';

export interface ShareSafety {
  /** `shared`: every PC holds a lock slot; `thisPcOnly`: this PC holds the file's lease. */
  mode: 'shared' | 'thisPcOnly';
  readOnly: ShareReadOnlyReason | null;
  /** The PCs whose lock slots this PC could take (the evidence for `locksDoNotReach`). */
  unreachedPcs: string[];
  /** For `heldElsewhere`: who took the file. */
  holder: LeaseHolderInfo | null;
}

/** This client's integrity checks of the file: the quick one on open and the full one in the background. */
export interface IntegrityInfo {
  /** 'deferred': the file was too big to check in full before the first screen; the background check covers it. */
  quickCheckOnOpen: 'ok' | 'deferred';
  lastFullCheckAt: number | null;
  lastFullCheckOk: boolean | null;
  running: boolean;
}

export const settingsUpdate = z.object({
  /** The settings version the form read (`WorkspaceInfo.settingsVersion`); a stale one is refused with CONFLICT. */
  version: z.number().int().min(0),
  locale: z.enum(LOCALES).optional(),
  currency: currencyCode.optional(),
});

export const firstRunChoice = z.object({
  sampleData: z.boolean(),
  /** The workspace's language: its default pipeline, owner and sample data are created in it. */
  locale: z.enum(LOCALES).optional(),
  currency: currencyCode.optional(),
  ownerName: requiredText(100).optional(),
});

export const searchInput = z.object({
  query: z.string().max(200),
  kinds: z.array(z.enum(SEARCH_KINDS)).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  subtitle: string | null;
  /** For notes: the contact or company the note belongs to. */
  parent: { kind: 'contact' | 'company'; id: number } | null;
}

export const trashList = z.object({
  kind: z.enum(TRASH_KINDS).optional(),
  limit: z.number().int().min(1).max(200).default(100),
  cursor: cursor.optional(),
});

export const trashItem = z.object({ kind: z.enum(TRASH_KINDS), id });
export const trashPurge = z.object({ items: z.array(trashItem).min(1).max(10_000) });
/** Restores many records in one transaction (the Undo of a bulk delete). */
export const trashRestoreMany = z.object({ items: z.array(trashItem).min(1).max(10_000) });

export interface TrashEntry {
  kind: TrashKind;
  id: number;
  title: string;
  deletedAt: number;
  deletedByName: string | null;
}

export const historyInput = z.object({
  kind: z.enum(RECORD_KINDS),
  id,
  limit: z.number().int().min(1).max(200).default(100),
});

/**
 * Why a change was made when another action made it (a deal won made its contact a customer):
 * the record whose change caused it and what happened to that record.
 */
export interface AuditCause {
  kind: 'deal' | 'order';
  id: number;
  /** The deal's title or the order's number when it happened. */
  label: string;
  /** What happened: the deal was won, the order became paid / shipped / delivered. */
  event: 'won' | 'paid' | 'shipped' | 'delivered';
}

export interface AuditEntry {
  id: number;
  at: number;
  userId: number | null;
  userName: string | null;
  /** The PC the change was made at (its host name); null on entries from before it was recorded. */
  client: string | null;
  action: 'create' | 'update' | 'delete' | 'restore';
  tableName: string;
  rowId: number;
  /**
   * Field-level before/after; for create only `after`, for delete/restore the deleted flag. A link
   * to another record also carries that record's kind and current titles.
   */
  changes: {
    field: string;
    before: unknown;
    after: unknown;
    linkKind?: RecordKind;
    /** The linked records' titles now; null for a colleague's private record. */
    beforeTitle?: string | null | undefined;
    afterTitle?: string | null | undefined;
  }[];
  /** Set when another action caused this change. */
  cause: AuditCause | null;
}

/** Without a seq: only where the feed stands now (a client's starting point, nothing to refetch). */
export const changesSince = z.object({ seq: z.number().int().min(0).optional() });

export interface ChangeFeed {
  /** Highest seq seen; pass back next time. */
  seq: number;
  /** Tables written after the given seq and up to `seq` (deduplicated), by any client, this one included. */
  tables: string[];
  /** True when `tables` is not empty: something the UI shows may have changed. */
  changed: boolean;
}
