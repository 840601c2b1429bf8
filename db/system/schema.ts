import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { withDerivedColumns } from '../write/derived-columns';

/** Columns every mutable table carries (DESIGN §5): optimistic version, who/when, soft delete. */
export const recordColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  createdBy: integer('created_by'),
  updatedBy: integer('updated_by'),
  deletedAt: integer('deleted_at'),
});

/**
 * An owned record that may be private (DESIGN §5): seen only by its owner and by managers and owners
 * of the workspace. The partial index holds only private rows, so the set a staff member may not see
 * is read from it in a few µs however large the table.
 */
export const ownedColumns = () => ({
  ownerId: integer('owner_id').references(() => users.id),
  isPrivate: integer('private', { mode: 'boolean' }).notNull().default(false),
});

/** The PIN's hash is stored but, like a derived column, kept out of the audit: history says only "PIN set". */
export const users = withDerivedColumns(
  sqliteTable(
  'users',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ['owner', 'manager', 'staff', 'read_only'] }).notNull(),
    pinHash: text('pin_hash'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...recordColumns(),
  },
  (table) => [check('users_role_check', sql`${table.role} in ('owner','manager','staff','read_only')`)],
  ),
  ['pinHash'],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    userId: integer('user_id'),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore', 'purge'] }).notNull(),
    tableName: text('table_name').notNull(),
    rowId: integer('row_id').notNull(),
    /** JSON array of {field, before, after}. */
    changes: text('changes').notNull(),
    /** JSON AuditCause when another action caused this change (a deal won made its contact a customer). */
    cause: text('cause'),
    /** The computer the change was made at (its host name); null on entries from before it was recorded. */
    client: text('client'),
  },
  (table) => [
    index('audit_log_row_idx').on(table.tableName, table.rowId, table.id),
    check('audit_log_action_check', sql`${table.action} in ('create','update','delete','restore','purge')`),
  ],
);

/** The change feed: other processes read rows after the last seq they saw. */
export const changes = sqliteTable(
  'changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    tableName: text('table_name').notNull(),
    rowId: integer('row_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete', 'restore', 'purge'] }).notNull(),
    clientId: text('client_id').notNull(),
  },
  (table) => [check('changes_op_check', sql`${table.op} in ('insert','update','delete','restore','purge')`)],
);

/** One row per open client on a shared file, refreshed by a heartbeat. */
export const presence = sqliteTable('presence', {
  clientId: text('client_id').primaryKey(),
  host: text('host').notNull(),
  osUser: text('os_user').notNull(),
  pid: integer('pid').notNull(),
  userId: integer('user_id'),
  startedAt: integer('started_at').notNull(),
  heartbeatAt: integer('heartbeat_at').notNull(),
});
