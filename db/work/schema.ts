import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ACTIVITY_DIRECTIONS, ActivityChannel, RECURRENCE_UNITS, TASK_PRIORITIES } from '../contract/work';
import { companies, contacts } from '../people/schema';
import { deals } from '../sales/schema';
import { recordColumns, users } from '../system/schema';
import { withBookkeepingColumns } from '../write/derived-columns';

/** Every touchpoint on any channel, linked to a contact, company and/or deal. */
export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey(),
    channel: text('channel').$type<ActivityChannel>().notNull(),
    direction: text('direction').$type<(typeof ACTIVITY_DIRECTIONS)[number]>(),
    subject: text('subject').notNull(),
    body: text('body'),
    outcome: text('outcome'),
    durationMinutes: integer('duration_minutes'),
    occurredAt: integer('occurred_at').notNull(),
    contactId: integer('contact_id').references(() => contacts.id),
    companyId: integer('company_id').references(() => companies.id),
    dealId: integer('deal_id').references(() => deals.id),
    ...recordColumns(),
  },
  (table) => [
    // Timelines read newest first per record; deleted rows stay in the index but are skipped.
    index('activities_contact_idx').on(table.contactId, table.occurredAt, table.id),
    index('activities_company_idx').on(table.companyId, table.occurredAt, table.id),
    index('activities_deal_idx').on(table.dealId, table.occurredAt, table.id),
    // The Trash reads deleted rows newest first; partial, so a million live activities cost it nothing.
    index('activities_trash_idx').on(table.deletedAt).where(sql`${table.deletedAt} IS NOT NULL`),
    check('activities_channel_check', sql`${table.channel} in ('call','email','sms','meeting','visit','fax','web','note')`),
    check('activities_direction_check', sql`${table.direction} is null or ${table.direction} in ('inbound','outbound')`),
    check('activities_link_check', sql`${table.contactId} is not null or ${table.companyId} is not null or ${table.dealId} is not null`),
  ],
);

export const tasks = withBookkeepingColumns(
  sqliteTable(
    'tasks',
    {
      id: integer('id').primaryKey(),
      title: text('title').notNull(),
      notes: text('notes'),
      dueAt: integer('due_at'),
      remindAt: integer('remind_at'),
      /** Set when the reminder was shown, so each reminder fires once across all PCs. */
      remindedAt: integer('reminded_at'),
      assigneeId: integer('assignee_id').references(() => users.id),
      priority: text('priority').$type<(typeof TASK_PRIORITIES)[number]>().notNull().default('normal'),
      recurrenceEvery: integer('recurrence_every'),
      recurrenceUnit: text('recurrence_unit').$type<(typeof RECURRENCE_UNITS)[number]>(),
      completedAt: integer('completed_at'),
      /** The task this one was scheduled from when a recurring task was completed. */
      previousId: integer('previous_id'),
      contactId: integer('contact_id').references(() => contacts.id),
      companyId: integer('company_id').references(() => companies.id),
      dealId: integer('deal_id').references(() => deals.id),
      ...recordColumns(),
    },
    (table) => [
      index('tasks_open_due_idx').on(table.completedAt, table.deletedAt, table.dueAt, table.id),
      // "Mine": one person's open tasks in due order, without walking everyone's.
      index('tasks_assignee_open_idx').on(table.assigneeId, table.completedAt, table.deletedAt, table.dueAt, table.id),
      index('tasks_trash_idx').on(table.deletedAt).where(sql`${table.deletedAt} IS NOT NULL`),
      index('tasks_reminder_idx').on(table.remindedAt, table.remindAt),
      index('tasks_contact_idx').on(table.contactId),
      index('tasks_company_idx').on(table.companyId),
      index('tasks_deal_idx').on(table.dealId),
      check('tasks_priority_check', sql`${table.priority} in ('low','normal','high','urgent')`),
      check('tasks_recurrence_check', sql`${table.recurrenceUnit} is null or ${table.recurrenceUnit} in ('day','week','month')`),
    ],
  ),
  ['remindedAt'],
);
