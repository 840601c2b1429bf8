import { z } from 'zod';
import { cursor, id, optionalText, pageLimit, requiredText, version, wholeNumber, type RecordLinks, type RecordMeta } from './common';

export const ACTIVITY_CHANNELS = ['call', 'email', 'sms', 'meeting', 'visit', 'fax', 'web', 'note'] as const;
export const ACTIVITY_DIRECTIONS = ['inbound', 'outbound'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const RECURRENCE_UNITS = ['day', 'week', 'month'] as const;

export type ActivityChannel = (typeof ACTIVITY_CHANNELS)[number];

export const epochMs = z.number().int().min(0).max(8.64e15);
const nullableId = id.nullish().transform((value) => value ?? null);

/** What an activity or task is about; at least one link is required for activities. */
const links = {
  contactId: nullableId,
  companyId: nullableId,
  dealId: nullableId,
};

const activityFields = {
  channel: z.enum(ACTIVITY_CHANNELS),
  direction: z
    .enum(ACTIVITY_DIRECTIONS)
    .nullish()
    .transform((value) => value ?? null),
  subject: requiredText(200),
  body: optionalText(20_000),
  outcome: optionalText(200),
  durationMinutes: z
    .number()
    .int('Whole minutes only')
    .min(0, 'Enter a duration of 0 minutes or more')
    .max(24 * 60, `At most ${24 * 60} minutes`)
    .nullish()
    .transform((value) => value ?? null),
  occurredAt: epochMs,
  ...links,
};

export const activityCreate = z
  .object({ ...activityFields, occurredAt: epochMs.optional() })
  .refine((value) => value.contactId !== null || value.companyId !== null || value.dealId !== null, {
    message: 'Link the activity to a contact, a company or a deal',
    path: ['contactId'],
  });
export type ActivityCreateInput = z.input<typeof activityCreate>;

export const activityUpdate = z.object({ id, version, patch: z.object(activityFields).partial() });

export interface Activity extends RecordMeta, RecordLinks {
  channel: ActivityChannel;
  direction: (typeof ACTIVITY_DIRECTIONS)[number] | null;
  subject: string;
  body: string | null;
  outcome: string | null;
  durationMinutes: number | null;
  occurredAt: number;
  /** Who logged it. */
  userName: string | null;
}

export const TIMELINE_TARGETS = ['contact', 'company', 'deal'] as const;
export const TIMELINE_ENTRY_TYPES = ['activity', 'note', 'deal_stage', 'order_status'] as const;

export const timelineInput = z.object({
  target: z.object({ kind: z.enum(TIMELINE_TARGETS), id }),
  /** Only activities on these channels (other entry types are left out when set). */
  channels: z.array(z.enum(ACTIVITY_CHANNELS)).max(ACTIVITY_CHANNELS.length).optional(),
  limit: pageLimit,
  cursor: cursor.optional(),
});
export type TimelineInput = z.input<typeof timelineInput>;

/** One line of a record's story, newest first: activities, notes, deal stage moves, order status changes. */
export interface TimelineEntry {
  type: (typeof TIMELINE_ENTRY_TYPES)[number];
  /** Id of the activity, note, stage-history row or order event. */
  id: number;
  at: number;
  title: string;
  body: string | null;
  channel: ActivityChannel | null;
  direction: (typeof ACTIVITY_DIRECTIONS)[number] | null;
  outcome: string | null;
  durationMinutes: number | null;
  userName: string | null;
  /** The record the entry points at besides the target (the deal of a stage move, the order of a status change). */
  link: { kind: 'contact' | 'company' | 'deal' | 'order'; id: number; label: string } | null;
  /** Activities and notes can be edited; carries their version. */
  version: number | null;
}

export const recurrence = z.object({
  every: wholeNumber(1, 365),
  unit: z.enum(RECURRENCE_UNITS),
});

const taskFields = {
  title: requiredText(200),
  notes: optionalText(5000),
  dueAt: epochMs.nullish().transform((value) => value ?? null),
  remindAt: epochMs.nullish().transform((value) => value ?? null),
  assigneeId: nullableId,
  priority: z.enum(TASK_PRIORITIES),
  recurrence: recurrence.nullish().transform((value) => value ?? null),
  ...links,
};

const remindNeedsDue = (value: { dueAt?: number | null; recurrence?: unknown }) => !value.recurrence || value.dueAt != null;

export const taskCreate = z
  .object({ ...taskFields, priority: taskFields.priority.default('normal') })
  .refine(remindNeedsDue, { message: 'A repeating task needs a due date', path: ['dueAt'] });
export type TaskCreateInput = z.input<typeof taskCreate>;

export const taskUpdate = z.object({ id, version, patch: z.object(taskFields).partial() });
export const taskComplete = z.object({ id, version, done: z.boolean().default(true) });

export interface Task extends RecordMeta, RecordLinks {
  title: string;
  notes: string | null;
  dueAt: number | null;
  remindAt: number | null;
  assigneeId: number | null;
  assigneeName: string | null;
  priority: (typeof TASK_PRIORITIES)[number];
  recurrence: { every: number; unit: (typeof RECURRENCE_UNITS)[number] } | null;
  completedAt: number | null;
}

export const taskList = z.object({
  status: z.enum(['open', 'done']).default('open'),
  assigneeId: id.optional(),
  target: z.object({ kind: z.enum(TIMELINE_TARGETS), id }).optional(),
  limit: pageLimit,
  cursor: cursor.optional(),
});

/** The Today view; `now` and the local day boundaries come from the client (its time zone). */
export const todayInput = z.object({
  dayStart: epochMs,
  dayEnd: epochMs,
  assigneeId: id.optional(),
  upcomingDays: z.number().int().min(1).max(60).default(7),
});

export interface TodayView {
  overdue: Task[];
  today: Task[];
  upcoming: Task[];
  /** Open tasks with no due date. */
  someday: Task[];
}
