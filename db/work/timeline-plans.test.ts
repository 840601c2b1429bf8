import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../read/keyset';
import { changedTablesQuery } from '../system/changes';
import { historyQuery } from '../system/history';
import { trashPageQuery } from '../system/trash';
import { expectIndexed, fullScans, planOf, usePlanWorkspace } from '../test-support/query-plans';
import { doneTasksQuery, dueRemindersQuery, openTaskQueries, taskCountQuery, todayQueries } from './tasks';
import { timelineSources } from './timeline';

/**
 * The plans of the work and system areas' production queries (the exported builders and templates
 * the code runs), on a seeded file with only the open path's `PRAGMA optimize` statistics. Where a
 * temp B-tree remains, it sorts a bounded set, named at each use.
 */

const plans = usePlanWorkspace();

describe('timeline plans', () => {
  for (const kind of ['contact', 'company', 'deal'] as const) {
    it(`a ${kind}'s timeline reads each source through an index, first page and next`, () => {
      for (const cursor of [undefined, encodeCursor([1_000, 2, 5])]) {
        const sources = timelineSources({ target: { kind, id: 7 }, limit: 50, ...(cursor ? { cursor } : {}) }, 51);
        expect(sources.map((source) => source.type)).toEqual(kind === 'deal' ? ['activity', 'deal_stage', 'order_status'] : ['activity', 'note', 'deal_stage', 'order_status']);
        for (const source of sources) {
          const label = `${kind} ${source.type} ${cursor ? 'next page' : 'first page'}`;
          // A record's own activities and notes come newest first straight from their index. The
          // rest sorts only the record's own rows: its deals' stage moves, its orders' events and,
          // for a company, what happened with it and its contacts.
          const ownIndexOrder = kind !== 'company' && (source.type === 'activity' || source.type === 'note');
          const plan = expectIndexed(plans.sqlite, source.query, label, { sortedInTemp: !ownIndexOrder });
          expect(plan, label).not.toMatch(/MULTI-INDEX OR|BLOOM/);
        }
      }
    });
  }

  it('a channel filter keeps the activity index', () => {
    const [activity] = timelineSources({ target: { kind: 'contact', id: 7 }, limit: 50, channels: ['call', 'visit'] }, 51);
    expect(expectIndexed(plans.sqlite, activity!.query, 'contact calls and visits')).toMatch(/activities_contact_idx/);
  });
});

describe('task list plans', () => {
  const list = (extra: object = {}) => ({ status: 'open' as const, limit: 50, ...extra });

  it('open tasks walk the open-due index (mine: the assignee’s own): dated ones in due order, then the undated ones by id', () => {
    for (const query of [list(), list({ assigneeId: 1 }), list({ cursor: encodeCursor([5_000, 3]) })]) {
      const { dated, undated } = openTaskQueries(plans.reads, query, 51);
      const index = 'assigneeId' in query ? 'tasks_assignee_open_idx \\(assignee_id=\\? AND ' : 'tasks_open_due_idx \\(';
      expect(expectIndexed(plans.sqlite, dated!, 'open dated tasks')).toMatch(new RegExp(`${index}completed_at=\\? AND deleted_at=\\? AND due_at>\\?\\)`));
      expect(expectIndexed(plans.sqlite, undated(10), 'open undated tasks')).toMatch(new RegExp(`${index}completed_at=\\? AND deleted_at=\\? AND due_at=\\?\\)`));
      expect(expectIndexed(plans.sqlite, taskCountQuery(plans.reads, query), 'open task count')).toMatch(/tasks_(open_due|assignee_open)_idx/);
    }
  });

  it('a record’s tasks come from its link index, sorting only that record’s tasks', () => {
    const { dated } = openTaskQueries(plans.reads, list({ target: { kind: 'contact', id: 3 } }), 51);
    expect(expectIndexed(plans.sqlite, dated!, 'a contact’s tasks', { sortedInTemp: true })).toMatch(/tasks_contact_idx/);
  });

  it('done tasks walk the index by completion time; only ties of one moment are sorted by id', () => {
    const plan = expectIndexed(plans.sqlite, doneTasksQuery(plans.reads, { ...list(), status: 'done' }, 51), 'done tasks', { sortedInTemp: true });
    expect(plan).toMatch(/tasks_open_due_idx \(completed_at>\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('today: overdue, today, upcoming and someday are index ranges in due order, everyone’s and mine', () => {
    for (const assigneeId of [undefined, 1]) {
      const buckets = todayQueries(plans.reads, { dayStart: 1_000, dayEnd: 2_000, upcomingDays: 7, ...(assigneeId ? { assigneeId } : {}) });
      const index = assigneeId ? /tasks_assignee_open_idx \(assignee_id=\?/ : /tasks_open_due_idx/;
      for (const [bucket, query] of Object.entries(buckets)) expect(expectIndexed(plans.sqlite, query, `today ${bucket}`)).toMatch(index);
    }
  });

  it('due reminders are a range of the reminder index', () => {
    expect(expectIndexed(plans.sqlite, dueRemindersQuery(plans.reads, 1, 5_000), 'due reminders')).toMatch(/tasks_reminder_idx/);
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
    for (const query of [{ limit: 50 }, { limit: 50, cursor: encodeCursor([5, 'contact', 3]) }, { limit: 50, kind: 'deal' as const }]) {
      const plan = planOf(plans.sqlite, trashPageQuery(query));
      // `t` is the Trash's own union of deleted rows; the sort is over deleted rows only. Notes,
      // activities and tasks have partial indexes of their deleted rows (0007).
      expect(fullScans(plan, ['t']), plan).toEqual([]);
      for (const table of ['contacts', 'companies', 'deals', 'orders', 'products', 'notes', 'activities', 'tasks']) {
        expect(plan).toMatch(new RegExp(`SEARCH ${table} USING (COVERING )?INDEX \\w+ \\(deleted_at>\\?`));
      }
    }
  });
});
