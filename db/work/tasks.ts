import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { Task, TodayView, taskComplete, taskCreate, taskList, taskUpdate, todayInput } from '../contract/work';
import { notFound, validation } from '../errors';
import { recordLinks, recordMeta, type RecordLinksRow, type RecordMetaRow } from '../read/record-mapping';
import { decodeCursor, keysetCondition, pageOf } from '../read/keyset';
import { requireLive } from '../read/references';
import { statement } from '../read/statements';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { checkLinks } from './activities';
import { nextOccurrence } from './recurrence';
import { tasks } from './schema';

interface TaskDbRow extends RecordMetaRow, RecordLinksRow {
  title: string;
  notes: string | null;
  due_at: number | null;
  remind_at: number | null;
  assignee_id: number | null;
  assignee_name: string | null;
  priority: Task['priority'];
  recurrence_every: number | null;
  recurrence_unit: 'day' | 'week' | 'month' | null;
  completed_at: number | null;
  due_key: number;
}

const TASK_SQL = `
  SELECT t.*, coalesce(t.due_at, 9e15) AS due_key, u.name AS assignee_name, c.name AS contact_name, co.name AS company_name, d.title AS deal_title
  FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id LEFT JOIN contacts c ON c.id = t.contact_id
  LEFT JOIN companies co ON co.id = t.company_id LEFT JOIN deals d ON d.id = t.deal_id`;

function toTask(row: TaskDbRow): Task {
  return {
    title: row.title,
    notes: row.notes,
    dueAt: row.due_at,
    remindAt: row.remind_at,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    priority: row.priority,
    recurrence: row.recurrence_every && row.recurrence_unit ? { every: row.recurrence_every, unit: row.recurrence_unit } : null,
    completedAt: row.completed_at,
    ...recordLinks(row),
    ...recordMeta(row),
  };
}

export function readTask(sqlite: Database.Database, id: number): Task | undefined {
  const row = statement(sqlite, `${TASK_SQL} WHERE t.id = ?`).get(id) as TaskDbRow | undefined;
  return row ? toTask(row) : undefined;
}

export function getTask(workspace: Workspace, id: number): Task {
  const task = readTask(workspace.sqlite, id);
  if (!task || task.deletedAt !== null) throw notFound('Task', id);
  return task;
}

type TaskFields = Partial<z.output<typeof taskCreate>>;

function taskColumns(input: TaskFields): Partial<typeof tasks.$inferInsert> {
  const { recurrence, ...rest } = input;
  const columns: Partial<typeof tasks.$inferInsert> = { ...rest };
  if (recurrence !== undefined) {
    columns.recurrenceEvery = recurrence?.every ?? null;
    columns.recurrenceUnit = recurrence?.unit ?? null;
  }
  // A moved reminder fires again.
  if (input.remindAt !== undefined) columns.remindedAt = null;
  return columns;
}

function checkTaskReferences(sqlite: Database.Database, input: TaskFields): void {
  checkLinks(sqlite, input);
  requireLive(sqlite, 'users', input.assigneeId, 'assigneeId');
}

export function createTask(workspace: Workspace, input: z.output<typeof taskCreate>): Task {
  const id = write(workspace, (writer) => {
    checkTaskReferences(writer.sqlite, input);
    return writer.insert(tasks, { ...taskColumns(input), title: input.title, assigneeId: input.assigneeId ?? (writer.workspace.userId || null) });
  });
  return getTask(workspace, id);
}

export function updateTask(workspace: Workspace, input: z.output<typeof taskUpdate>): Task {
  write(workspace, (writer) => {
    checkTaskReferences(writer.sqlite, input.patch);
    const current = writer.read(tasks, input.id);
    const recurs = input.patch.recurrence !== undefined ? input.patch.recurrence !== null : current?.recurrenceEvery != null;
    const dueAt = input.patch.dueAt !== undefined ? input.patch.dueAt : current?.dueAt;
    if (current && recurs && dueAt == null) throw validation('patch.dueAt', 'A repeating task needs a due date');
    writer.update(tasks, input.id, input.version, taskColumns(input.patch), { describeCurrent: (id) => readTask(writer.sqlite, id) });
  });
  return getTask(workspace, input.id);
}

/**
 * Marks a task done (or not done). Completing a repeating task schedules the next occurrence, in the
 * same transaction, with the reminder shifted by the same amount. Reopening does not unschedule it.
 */
export function completeTask(workspace: Workspace, input: z.output<typeof taskComplete>): { task: Task; next: Task | null } {
  const nextId = write(workspace, (writer) => {
    const current = writer.read(tasks, input.id);
    if (!current) throw notFound('Task', input.id);
    const wasDone = current.completedAt !== null;
    writer.update(tasks, input.id, input.version, { completedAt: input.done ? (current.completedAt ?? writer.now) : null }, {
      describeCurrent: (id) => readTask(writer.sqlite, id),
    });
    if (!input.done || wasDone || !current.recurrenceEvery || !current.recurrenceUnit || current.dueAt === null) return null;
    const nextDue = nextOccurrence(current.dueAt, current.recurrenceEvery, current.recurrenceUnit as 'day' | 'week' | 'month', firstDueDay(writer.sqlite, current.id));
    return writer.insert(tasks, {
      title: current.title,
      notes: current.notes,
      dueAt: nextDue,
      remindAt: current.remindAt === null ? null : current.remindAt + (nextDue - current.dueAt),
      assigneeId: current.assigneeId,
      priority: current.priority,
      recurrenceEvery: current.recurrenceEvery,
      recurrenceUnit: current.recurrenceUnit,
      previousId: current.id,
      contactId: current.contactId,
      companyId: current.companyId,
      dealId: current.dealId,
    });
  });
  return { task: getTask(workspace, input.id), next: nextId === null ? null : getTask(workspace, nextId) };
}

/** The day of month the series started on, so "monthly on the 31st" comes back to the 31st. */
function firstDueDay(sqlite: Database.Database, taskId: number): number | undefined {
  let id: number | null = taskId;
  let dueAt: number | null = null;
  for (let hops = 0; id !== null && hops < 1000; hops++) {
    const row = statement(sqlite, 'SELECT previous_id, due_at FROM tasks WHERE id = ?').get(id) as { previous_id: number | null; due_at: number | null } | undefined;
    if (!row) break;
    dueAt = row.due_at;
    id = row.previous_id;
  }
  return dueAt === null ? undefined : new Date(dueAt).getDate();
}

export function listTasks(workspace: Workspace, query: z.output<typeof taskList>): Page<Task> {
  const where = ['t.deleted_at IS NULL', query.status === 'open' ? 't.completed_at IS NULL' : 't.completed_at IS NOT NULL'];
  const params: (string | number)[] = [];
  if (query.assigneeId !== undefined) {
    where.push('t.assignee_id = ?');
    params.push(query.assigneeId);
  }
  if (query.target) {
    where.push(`t.${query.target.kind}_id = ?`);
    params.push(query.target.id);
  }
  const filterWhere = [...where];
  const filterParams = [...params];
  // Open tasks soonest first (no date last); done tasks most recently completed first.
  const columns = query.status === 'open' ? ['coalesce(t.due_at, 9e15)', 't.id'] : ['t.completed_at', 't.id'];
  const order = query.status === 'open' ? 'asc' : 'desc';
  if (query.cursor) {
    where.push(keysetCondition(columns, order));
    params.push(...(decodeCursor(query.cursor, 2) as number[]));
  }
  const rows = statement(
    workspace.sqlite,
    `${TASK_SQL} WHERE ${where.join(' AND ')} ORDER BY ${columns.map((column) => `${column} ${order.toUpperCase()}`).join(', ')} LIMIT ?`,
  ).all(...params, query.limit + 1) as TaskDbRow[];
  const { pageRows, nextCursor } = pageOf(rows, query.limit, (row) => (query.status === 'open' ? [row.due_key, row.id] : [row.completed_at, row.id]));
  return {
    rows: pageRows.map(toTask),
    nextCursor,
    total: query.cursor ? null : (statement(workspace.sqlite, `SELECT count(*) AS n FROM tasks t WHERE ${filterWhere.join(' AND ')}`).get(...filterParams) as { n: number }).n,
  };
}

/** Open tasks in four buckets around the client's local day. */
export function todayView(workspace: Workspace, input: z.output<typeof todayInput>): TodayView {
  if (input.dayEnd <= input.dayStart) throw validation('dayEnd', 'The day must end after it starts');
  const assignee = input.assigneeId !== undefined ? 'AND t.assignee_id = ?' : '';
  const assigneeParams = input.assigneeId !== undefined ? [input.assigneeId] : [];
  const open = `t.deleted_at IS NULL AND t.completed_at IS NULL ${assignee}`;
  const select = (range: string, params: number[], limit: number) =>
    (statement(workspace.sqlite, `${TASK_SQL} WHERE ${open} AND ${range} ORDER BY coalesce(t.due_at, 9e15), t.id LIMIT ${limit}`).all(
      ...assigneeParams,
      ...params,
    ) as TaskDbRow[]).map(toTask);
  const upcomingEnd = input.dayEnd + (input.upcomingDays - 1) * 86_400_000;
  return {
    overdue: select('t.due_at < ?', [input.dayStart], 500),
    today: select('t.due_at >= ? AND t.due_at < ?', [input.dayStart, input.dayEnd], 500),
    upcoming: select('t.due_at >= ? AND t.due_at < ?', [input.dayEnd, upcomingEnd], 500),
    someday: select('t.due_at IS NULL', [], 200),
  };
}

/**
 * Reminders now due that no PC has shown yet: marks them shown and returns them, in one write
 * transaction, so when several PCs poll each reminder fires exactly once.
 */
export function takeDueReminders(workspace: Workspace, now = Date.now()): Task[] {
  const ids = write(workspace, (writer) => {
    const due = statement(
      writer.sqlite,
      `SELECT id FROM tasks WHERE reminded_at IS NULL AND remind_at IS NOT NULL AND remind_at <= ? AND completed_at IS NULL AND deleted_at IS NULL
       AND (assignee_id IS NULL OR assignee_id = ?) LIMIT 50`,
    ).all(now, writer.workspace.userId) as { id: number }[];
    for (const task of due) writer.setBookkeeping(tasks, task.id, { remindedAt: now });
    return due.map((task) => task.id);
  });
  return ids.map((id) => getTask(workspace, id));
}
