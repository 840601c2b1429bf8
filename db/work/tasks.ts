import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { Task, TodayView, taskComplete, taskCreate, taskList, taskUpdate, todayInput } from '../contract/work';
import { notFound, validation } from '../errors';
import { companies, contacts } from '../people/schema';
import { decodeCursor, pageOf } from '../read/keyset';
import type { Reads } from '../read/reads';
import { requireLive } from '../read/references';
import type { Viewer } from '../read/viewer';
import { visibleLinks } from '../read/visibility';
import { deals } from '../sales/schema';
import { users } from '../system/schema';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { checkLinks, recordLinkColumns, recordMetaColumns } from './activities';
import { nextOccurrence } from './recurrence';
import { tasks } from './schema';

/** Tasks with no due date sort after every dated one; the cursor carries this key for them. */
const UNDATED_KEY = 9e15;

function taskSelect(reads: Reads) {
  return reads.db
    .select({
      title: tasks.title,
      notes: tasks.notes,
      dueAt: tasks.dueAt,
      remindAt: tasks.remindAt,
      assigneeId: tasks.assigneeId,
      assigneeName: users.name,
      priority: tasks.priority,
      recurrenceEvery: tasks.recurrenceEvery,
      recurrenceUnit: tasks.recurrenceUnit,
      completedAt: tasks.completedAt,
      ...recordLinkColumns(tasks),
      ...recordMetaColumns(tasks),
    })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .leftJoin(contacts, eq(contacts.id, tasks.contactId))
    .leftJoin(companies, eq(companies.id, tasks.companyId))
    .leftJoin(deals, eq(deals.id, tasks.dealId));
}

type TaskRow = ReturnType<ReturnType<typeof taskSelect>['all']>[number];

function toTask({ recurrenceEvery, recurrenceUnit, ...row }: TaskRow): Task {
  return { ...row, recurrence: recurrenceEvery && recurrenceUnit ? { every: recurrenceEvery, unit: recurrenceUnit } : null };
}

export function readTask(reads: Reads, id: number): Task | undefined {
  const row = taskSelect(reads)
    .where(and(eq(tasks.id, id), ...visibleLinks(tasks, reads.viewer)))
    .get();
  return row ? toTask(row) : undefined;
}

export function getTask(store: Store, id: number): Task {
  const task = readTask(store.reads, id);
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

function checkTaskReferences(reads: Reads, input: TaskFields): void {
  checkLinks(reads, input);
  requireLive(reads, 'users', input.assigneeId, 'assigneeId');
}

export function createTask(store: Store, input: z.output<typeof taskCreate>): Task {
  const id = write(store, (writer) => {
    checkTaskReferences(writer.reads, input);
    return writer.insert(tasks, { ...taskColumns(input), title: input.title, assigneeId: input.assigneeId ?? writer.userId });
  });
  return getTask(store, id);
}

export function updateTask(store: Store, input: z.output<typeof taskUpdate>): Task {
  write(store, (writer) => {
    checkTaskReferences(writer.reads, input.patch);
    const current = writer.read(tasks, input.id);
    const recurs = input.patch.recurrence !== undefined ? input.patch.recurrence !== null : current?.recurrenceEvery != null;
    const dueAt = input.patch.dueAt !== undefined ? input.patch.dueAt : current?.dueAt;
    if (current && recurs && dueAt == null) throw validation('patch.dueAt', 'A repeating task needs a due date');
    writer.update(tasks, input.id, input.version, taskColumns(input.patch), { describeCurrent: (id) => readTask(writer.reads, id) });
  });
  return getTask(store, input.id);
}

/**
 * Marks a task done (or not done). Completing a repeating task schedules the next occurrence, in the
 * same transaction, with the reminder shifted by the same amount. Reopening does not unschedule it.
 */
export function completeTask(store: Store, input: z.output<typeof taskComplete>): { task: Task; next: Task | null } {
  const nextId = write(store, (writer) => {
    const current = writer.read(tasks, input.id);
    if (!current) throw notFound('Task', input.id);
    const wasDone = current.completedAt !== null;
    writer.update(tasks, input.id, input.version, { completedAt: input.done ? (current.completedAt ?? writer.now) : null }, {
      describeCurrent: (id) => readTask(writer.reads, id),
    });
    if (!input.done || wasDone || !current.recurrenceEvery || !current.recurrenceUnit || current.dueAt === null) return null;
    const nextDue = nextOccurrence(current.dueAt, current.recurrenceEvery, current.recurrenceUnit, firstDueDay(writer.reads, current.id));
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
  return { task: getTask(store, input.id), next: nextId === null ? null : getTask(store, nextId) };
}

/** The day of month the series started on, so "monthly on the 31st" comes back to the 31st. */
function firstDueDay(reads: Reads, taskId: number): number | undefined {
  let id: number | null = taskId;
  let dueAt: number | null = null;
  for (let hops = 0; id !== null && hops < 1000; hops++) {
    const row = reads.db.select({ previousId: tasks.previousId, dueAt: tasks.dueAt }).from(tasks).where(eq(tasks.id, id)).get();
    if (!row) break;
    dueAt = row.dueAt;
    id = row.previousId;
  }
  return dueAt === null ? undefined : new Date(dueAt).getDate();
}

type TaskListQuery = z.output<typeof taskList>;

const TARGET_COLUMN = { contact: tasks.contactId, company: tasks.companyId, deal: tasks.dealId } as const;

/** The tasks a list shows, whatever page: live, open or done, and the assignee's or the record's if asked. */
function taskListFilter(query: Pick<TaskListQuery, 'status' | 'assigneeId' | 'target'>, viewer: Viewer): SQL {
  return and(
    isNull(tasks.deletedAt),
    ...visibleLinks(tasks, viewer),
    query.status === 'open' ? isNull(tasks.completedAt) : isNotNull(tasks.completedAt),
    query.assigneeId !== undefined ? eq(tasks.assigneeId, query.assigneeId) : undefined,
    query.target ? eq(TARGET_COLUMN[query.target.kind], query.target.id) : undefined,
  )!;
}

function listCursor(query: TaskListQuery): [number, number] | null {
  return query.cursor ? (decodeCursor(query.cursor, 2) as [number, number]) : null;
}

/**
 * The queries of one page of open tasks: soonest first, then those with no date by id, as two index
 * walks (the dated ones, then the undated ones after them) rather than one sort of every open task
 * by `coalesce(due_at, …)`. `limit` counts the extra row that says there is more.
 */
export function openTaskQueries(reads: Reads, query: TaskListQuery, limit: number) {
  const filter = taskListFilter(query, reads.viewer);
  const cursor = listCursor(query);
  const inUndated = cursor !== null && cursor[0] >= UNDATED_KEY;
  const datedAfter = cursor ? sql`(${tasks.dueAt}, ${tasks.id}) > (${cursor[0]}, ${cursor[1]})` : undefined;
  return {
    dated: inUndated ? null : taskSelect(reads).where(and(filter, isNotNull(tasks.dueAt), datedAfter)).orderBy(asc(tasks.dueAt), asc(tasks.id)).limit(limit),
    undated: (remaining: number) =>
      taskSelect(reads)
        .where(and(filter, isNull(tasks.dueAt), inUndated ? gt(tasks.id, cursor[1]) : undefined))
        .orderBy(asc(tasks.id))
        .limit(remaining),
  };
}

/** One page of done tasks, most recently completed first. */
export function doneTasksQuery(reads: Reads, query: TaskListQuery, limit: number) {
  const cursor = listCursor(query);
  const after = cursor ? sql`(${tasks.completedAt}, ${tasks.id}) < (${cursor[0]}, ${cursor[1]})` : undefined;
  return taskSelect(reads).where(and(taskListFilter(query, reads.viewer), after)).orderBy(desc(tasks.completedAt), desc(tasks.id)).limit(limit);
}

/** How many tasks the list holds in all (first page only). */
export function taskCountQuery(reads: Reads, query: TaskListQuery) {
  return reads.db.select({ n: count() }).from(tasks).where(taskListFilter(query, reads.viewer));
}

export function listTasks(store: Store, query: TaskListQuery): Page<Task> {
  const { reads } = store;
  let rows: TaskRow[];
  if (query.status === 'done') rows = doneTasksQuery(reads, query, query.limit + 1).all();
  else {
    const queries = openTaskQueries(reads, query, query.limit + 1);
    rows = queries.dated?.all() ?? [];
    if (rows.length <= query.limit) rows.push(...queries.undated(query.limit + 1 - rows.length).all());
  }
  const { pageRows, nextCursor } = pageOf(rows, query.limit, (row) => (query.status === 'open' ? [row.dueAt ?? UNDATED_KEY, row.id] : [row.completedAt, row.id]));
  return {
    rows: pageRows.map(toTask),
    nextCursor,
    total: query.cursor ? null : (taskCountQuery(reads, query).get()?.n ?? 0),
  };
}

/** The Today view's four buckets of open tasks around the client's local day, each an index range in due order. */
export function todayQueries(reads: Reads, input: z.output<typeof todayInput>) {
  const open = and(
    isNull(tasks.deletedAt),
    isNull(tasks.completedAt),
    input.assigneeId !== undefined ? eq(tasks.assigneeId, input.assigneeId) : undefined,
    ...visibleLinks(tasks, reads.viewer),
  );
  const dated = (range: SQL | undefined, limit: number) => taskSelect(reads).where(and(open, range)).orderBy(asc(tasks.dueAt), asc(tasks.id)).limit(limit);
  const upcomingEnd = input.dayEnd + (input.upcomingDays - 1) * 86_400_000;
  return {
    overdue: dated(lt(tasks.dueAt, input.dayStart), 500),
    today: dated(and(gte(tasks.dueAt, input.dayStart), lt(tasks.dueAt, input.dayEnd)), 500),
    upcoming: dated(and(gte(tasks.dueAt, input.dayEnd), lt(tasks.dueAt, upcomingEnd)), 500),
    someday: taskSelect(reads).where(and(open, isNull(tasks.dueAt))).orderBy(asc(tasks.id)).limit(200),
  };
}

export function todayView(store: Store, input: z.output<typeof todayInput>): TodayView {
  if (input.dayEnd <= input.dayStart) throw validation('dayEnd', 'The day must end after it starts');
  const queries = todayQueries(store.reads, input);
  return {
    overdue: queries.overdue.all().map(toTask),
    today: queries.today.all().map(toTask),
    upcoming: queries.upcoming.all().map(toTask),
    someday: queries.someday.all().map(toTask),
  };
}

/** Reminders now due that no PC has shown yet, for `userId` (or unassigned): at most 50 at a time. */
export function dueRemindersQuery(reads: Reads, userId: number | null, now: number) {
  return reads.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        isNull(tasks.remindedAt),
        isNotNull(tasks.remindAt),
        lte(tasks.remindAt, now),
        isNull(tasks.completedAt),
        isNull(tasks.deletedAt),
        userId === null ? isNull(tasks.assigneeId) : or(isNull(tasks.assigneeId), eq(tasks.assigneeId, userId)),
        ...visibleLinks(tasks, reads.viewer),
      ),
    )
    .limit(50);
}

/**
 * Reminders now due that no PC has shown yet: marks them shown and returns them, in one write
 * transaction, so when several PCs poll each reminder fires exactly once.
 */
export function takeDueReminders(store: Store, now = Date.now()): Task[] {
  const ids = write(store, (writer) => {
    const due = dueRemindersQuery(writer.reads, writer.userId, now).all();
    for (const task of due) writer.setBookkeeping(tasks, task.id, { remindedAt: now });
    return due.map((task) => task.id);
  });
  return ids.map((id) => getTask(store, id));
}
