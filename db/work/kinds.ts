import { defineRecordKind, type RecordLink } from '../system/record-kind';
import { readActivity } from './activities';
import { activities, tasks } from './schema';
import { readTask } from './tasks';

/** Activities and tasks belong to a customer or a deal; purging those waits until they are gone. */
const workLinks: RecordLink[] = [
  { column: 'contact_id', to: 'contact', onPurge: 'block' },
  { column: 'company_id', to: 'company', onPurge: 'block' },
  { column: 'deal_id', to: 'deal', onPurge: 'block' },
];

export const activityKind = defineRecordKind({
  table: activities,
  noun: { one: 'activity', many: 'activities' },
  read: readActivity,
  title: activities.subject,
  links: workLinks,
});

export const taskKind = defineRecordKind({
  table: tasks,
  noun: { one: 'task', many: 'tasks' },
  read: readTask,
  title: tasks.title,
  links: workLinks,
});
