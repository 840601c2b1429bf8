import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { taskCreate, type RECURRENCE_UNITS, type Task, type TASK_PRIORITIES, type TaskCreateInput } from '../../../../../db/contract/work';
import { dateInputValue, dateTimeInputValue, parseDateTimeInput, parseLocalDateTime, timeInputValue } from '../../../app/dates';
import type { RecordChoice } from '../../system/search/RecordPicker';

export const REMINDER_CHOICES = ['none', 'atDue', '15m', '1h', '1d', 'custom'] as const;
export type ReminderChoice = (typeof REMINDER_CHOICES)[number];
const REMINDER_OFFSETS: Record<Exclude<ReminderChoice, 'none' | 'custom'>, number> = { atDue: 0, '15m': 15 * 60_000, '1h': 3_600_000, '1d': 86_400_000 };

/** A due date without a time means "some time that day": stored at the day's last minute. */
export const ALL_DAY_TIME = '23:59';
/** …and its reminders count back from the start of the working day. */
const ALL_DAY_REMINDER_BASE = '09:00';

export interface TaskFormValues {
  title: string;
  notes: string;
  dueDate: string;
  dueTime: string;
  reminder: ReminderChoice;
  remindAt: string;
  assigneeId: string;
  priority: (typeof TASK_PRIORITIES)[number];
  repeat: boolean;
  every: string;
  unit: (typeof RECURRENCE_UNITS)[number];
  link: RecordChoice | null;
}

export function isAllDay(dueAt: number): boolean {
  return timeInputValue(dueAt) === ALL_DAY_TIME;
}

export function emptyTaskForm(link: RecordChoice | null, assigneeId: number | null): TaskFormValues {
  return {
    title: '',
    notes: '',
    dueDate: '',
    dueTime: '',
    reminder: 'none',
    remindAt: '',
    assigneeId: assigneeId ? String(assigneeId) : '',
    priority: 'normal',
    repeat: false,
    every: '1',
    unit: 'week',
    link,
  };
}

export function taskLink(task: Pick<Task, 'contactId' | 'contactName' | 'companyId' | 'companyName' | 'dealId' | 'dealTitle'>): RecordChoice | null {
  if (task.dealId) return { kind: 'deal', id: task.dealId, name: task.dealTitle ?? `#${task.dealId}` };
  if (task.contactId) return { kind: 'contact', id: task.contactId, name: task.contactName ?? `#${task.contactId}` };
  if (task.companyId) return { kind: 'company', id: task.companyId, name: task.companyName ?? `#${task.companyId}` };
  return null;
}

export function taskToFormValues(task: Task): TaskFormValues {
  const dueDate = task.dueAt === null ? '' : dateInputValue(task.dueAt);
  const dueTime = task.dueAt === null || isAllDay(task.dueAt) ? '' : timeInputValue(task.dueAt);
  let reminder: ReminderChoice = task.remindAt === null ? 'none' : 'custom';
  if (task.remindAt !== null && task.dueAt !== null) {
    const base = dueTime ? task.dueAt : (parseLocalDateTime(dueDate, ALL_DAY_REMINDER_BASE) ?? task.dueAt);
    const match = (Object.entries(REMINDER_OFFSETS) as [ReminderChoice, number][]).find(([, offset]) => base - offset === task.remindAt);
    if (match) reminder = match[0];
  }
  return {
    title: task.title,
    notes: task.notes ?? '',
    dueDate,
    dueTime,
    reminder,
    remindAt: task.remindAt === null ? '' : dateTimeInputValue(task.remindAt),
    assigneeId: task.assigneeId ? String(task.assigneeId) : '',
    priority: task.priority,
    repeat: task.recurrence !== null,
    every: String(task.recurrence?.every ?? 1),
    unit: task.recurrence?.unit ?? 'week',
    link: taskLink(task),
  };
}

type Messages = { needDate: string; reminderNeedsDue: string; invalidDate: string };

/** Form values → the contract's input, plus the issues only the form can see (a time with no date…). */
export function formValuesToTaskInput(values: TaskFormValues, messages: Messages): { input: TaskCreateInput; issues: Partial<Record<keyof TaskFormValues, string>> } {
  const issues: Partial<Record<keyof TaskFormValues, string>> = {};
  let dueAt: number | null = null;
  let reminderBase: number | null = null;
  if (values.dueDate) {
    dueAt = parseLocalDateTime(values.dueDate, values.dueTime || ALL_DAY_TIME);
    reminderBase = parseLocalDateTime(values.dueDate, values.dueTime || ALL_DAY_REMINDER_BASE);
    if (dueAt === null) issues.dueDate = messages.invalidDate;
  } else if (values.dueTime) {
    issues.dueDate = messages.needDate;
  }
  let remindAt: number | null = null;
  if (values.reminder === 'custom') {
    remindAt = parseDateTimeInput(values.remindAt);
    if (remindAt === null) issues.remindAt = messages.invalidDate;
  } else if (values.reminder !== 'none') {
    if (reminderBase === null) issues.reminder = messages.reminderNeedsDue;
    else remindAt = reminderBase - REMINDER_OFFSETS[values.reminder];
  }
  const link = values.link;
  return {
    issues,
    input: {
      title: values.title,
      notes: values.notes,
      dueAt,
      remindAt,
      assigneeId: values.assigneeId ? Number(values.assigneeId) : null,
      priority: values.priority,
      recurrence: values.repeat ? { every: Number(values.every), unit: values.unit } : null,
      contactId: link?.kind === 'contact' ? link.id : null,
      companyId: link?.kind === 'company' ? link.id : null,
      dealId: link?.kind === 'deal' ? link.id : null,
    },
  };
}

const FIELD_OF_PATH: Record<string, keyof TaskFormValues> = { dueAt: 'dueDate', remindAt: 'reminder', recurrence: 'every', 'recurrence.every': 'every' };

export function taskFormResolver(messages: Messages): Resolver<TaskFormValues> {
  const contract = zodResolver(taskCreate);
  return async (values, context, options) => {
    const { input, issues } = formValuesToTaskInput(values, messages);
    const result = await contract(input, context, options as any);
    const errors = { ...(result.errors as Record<string, any>) };
    if (errors.recurrence?.every) errors.recurrence = errors.recurrence.every;
    for (const [path, field] of Object.entries(FIELD_OF_PATH)) {
      if (errors[path]) {
        errors[field] = errors[path];
        delete errors[path];
      }
    }
    for (const [field, message] of Object.entries(issues)) errors[field] = { type: 'custom', message };
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}
