import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../read/keyset';
import { changedTablesQuery } from '../system/changes';
import { historyQuery } from '../system/history';
import { trashPageQuery } from '../system/trash';
import { readsFor } from '../read/reads';
import { expectIndexed, fullScans, planOf, PLAN_VIEWERS, usePlanWorkspace } from '../test-support/query-plans';
import { doneTasksQuery, dueRemindersQuery, openTaskQueries, taskCountQuery, todayQueries } from './tasks';
import { timelineSources } from './timeline';

/**
 * The plans of the work and system areas' production queries (the exported builders and templates
 * the code runs), on a seeded file with only the open path's `PRAGMA optimize` statistics. Where a
 * temp B-tree remains, it sorts a bounded set, named at each use.
 */

const plans = usePlanWorkspace();

/** A plan without the reads of the ids a staff member may not see (each from its table's partial index of private rows). */
function withoutHiddenSets(plan: string): string {
  return plan.replace(/SCAN (\w+) USING COVERING INDEX \1_private_idx \| CREATE BLOOM FILTER/g, '');
}

describe('timeline plans', () => {
  for (const kind of ['contact', 'company', 'deal'] as const) {
    it(`a ${kind}'s timeline reads each source through an index, first page and next`, () => {
      for (const [cursor, viewer] of [undefined, encodeCursor([1_000, 2, 5])].flatMap((cursor) => PLAN_VIEWERS.map((viewer) => [cursor, viewer] as const))) {
        const sources = timelineSources({ target: { kind, id: 7 }, limit: 50, ...(cursor ? { cursor } : {}) }, 51, viewer);
        expect(sources.map((source) => source.type)).toEqual(kind === 'deal' ? ['activity', 'deal_stage', 'order_status'] : ['activity', 'note', 'deal_stage', 'order_status']);
        for (const source of sources) {
          const label = `${kind} ${source.type} ${cursor ? 'next page' : 'first page'} for ${viewer.seesPrivate ? 'a manager' : 'staff'}`;
          // A record's own activities and notes come newest first straight from their index. The
          // rest sorts only the record's own rows: its deals' stage moves, its orders' events and,
          // for a company, what happened with it and its contacts.
          const ownIndexOrder = kind !== 'company' && (source.type === 'activity' || source.type === 'note');
          const plan = expectIndexed(plans.sqlite, source.query, label, { sortedInTemp: !ownIndexOrder });
          // The set of others' private records is read from its partial index and tested by a bloom filter: cheap. No other.
          expect(withoutHiddenSets(plan), label).not.toMatch(/MULTI-INDEX OR|BLOOM/);
        }
      }
    });
  }

  it('a channel filter keeps the activity index', () => {
    for (const viewer of PLAN_VIEWERS) {
      const [activity] = timelineSources({ target: { kind: 'contact', id: 7 }, limit: 50, channels: ['call', 'visit'] }, 51, viewer);
      expect(expectIndexed(plans.sqlite, activity!.query, 'contact calls and visits')).toMatch(/activities_contact_idx/);
    }
  });
});

describe('task list plans', () => {
  /** The same reads for someone who sees every record and for staff (who do not see others' private ones). */
  const VIEWER_READS = () => PLAN_VIEWERS.map((viewer) => readsFor(plans.reads, viewer));
  const list = (extra: object = {}) => ({ status: 'open' as const, limit: 50, ...extra });

  it('open tasks walk the open-due index (mine: the assignee’s own): dated ones in due order, then the undated ones by id', () => {
    for (const reads of VIEWER_READS()) {
      for (const query of [list(), list({ assigneeId: 1 }), list({ cursor: encodeCursor([5_000, 3]) })]) {
        const { dated, undated } = openTaskQueries(reads, query, 51);
        const index = 'assigneeId' in query ? 'tasks_assignee_open_idx \\(assignee_id=\\? AND ' : 'tasks_open_due_idx \\(';
        expect(expectIndexed(plans.sqlite, dated!, 'open dated tasks')).toMatch(new RegExp(`${index}completed_at=\\? AND deleted_at=\\? AND due_at>\\?\\)`));
        expect(expectIndexed(plans.sqlite, undated(10), 'open undated tasks')).toMatch(new RegExp(`${index}completed_at=\\? AND deleted_at=\\? AND due_at=\\?\\)`));
        expect(expectIndexed(plans.sqlite, taskCountQuery(reads, query), 'open task count')).toMatch(/tasks_(open_due|assignee_open)_idx/);
      }
    }
  });

  it('a record’s tasks come from its link index, sorting only that record’s tasks', () => {
    for (const reads of VIEWER_READS()) {
      const { dated } = openTaskQueries(reads, list({ target: { kind: 'contact', id: 3 } }), 51);
      expect(expectIndexed(plans.sqlite, dated!, 'a contact’s tasks', { sortedInTemp: true })).toMatch(/tasks_contact_idx/);
    }
  });

  it('done tasks walk the index by completion time; only ties of one moment are sorted by id', () => {
    for (const reads of VIEWER_READS()) {
      const plan = expectIndexed(plans.sqlite, doneTasksQuery(reads, { ...list(), status: 'done' }, 51), 'done tasks', { sortedInTemp: true });
      expect(plan).toMatch(/tasks_open_due_idx \(completed_at>\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('today: overdue, today, upcoming and someday are index ranges in due order, everyone’s and mine', () => {
    for (const reads of VIEWER_READS()) {
      for (const assigneeId of [undefined, 1]) {
        const buckets = todayQueries(reads, { dayStart: 1_000, dayEnd: 2_000, upcomingDays: 7, ...(assigneeId ? { assigneeId } : {}) });
        const index = assigneeId ? /tasks_assignee_open_idx \(assignee_id=\?/ : /tasks_open_due_idx/;
        for (const [bucket, query] of Object.entries(buckets)) expect(expectIndexed(plans.sqlite, query, `today ${bucket}`)).toMatch(index);
      }
    }
  });

  it('due reminders are a range of the reminder index', () => {
    for (const reads of VIEWER_READS()) {
      expect(expectIndexed(plans.sqlite, dueRemindersQuery(reads, 1, 5_000), 'due reminders')).toMatch(/tasks_reminder_idx/);
    }
  });
});

describe('system plans', () => {
  it('a record’s history reads its own audit entries, newest first, through the row index', () => {
    expect(expectIndexed(plans.sqlite, historyQuery(plans.reads, { kind: 'deal', id: 3, limit: 100 }), 'deal history')).toMatch(/audit_log_row_idx \(table_name=\? AND row_id=\?\)/);
  });

  it('the change feed after a seq is a primary-key range; its DISTINCT sorts only the rows written since', () => {
    expect(expectIndexed(plans.sqlite, changedTablesQuery(plans.reads, 5, 9), 'changes after a seq', { sortedInTemp: true })).toMatch(/SEARCH changes USING INTEGER PRIMARY KEY/);
  });

  it('the Trash reads the deleted rows of each kind by index', () => {
    const queries = [{ limit: 50 }, { limit: 50, cursor: encodeCursor([5, 'contact', 3]) }, { limit: 50, kind: 'deal' as const }];
    for (const [query, viewer] of queries.flatMap((query) => PLAN_VIEWERS.map((viewer) => [query, viewer] as const))) {
      const plan = planOf(plans.sqlite, trashPageQuery(query, viewer));
      // `t` is the Trash's own union of deleted rows; the sort is over deleted rows only. Notes,
      // activities and tasks have partial indexes of their deleted rows (0007).
      expect(fullScans(plan, ['t']), plan).toEqual([]);
      for (const table of ['contacts', 'companies', 'deals', 'orders', 'products', 'notes', 'activities', 'tasks']) {
        expect(plan).toMatch(new RegExp(`SEARCH ${table} USING (COVERING )?INDEX \\w+ \\(deleted_at>\\?`));
      }
    }
  });
});
