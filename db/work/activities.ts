import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Activity, activityCreate, activityUpdate } from '../contract/work';
import { notFound, validation } from '../errors';
import { companies, contacts } from '../people/schema';
import type { Reads } from '../read/reads';
import { requireLive } from '../read/references';
import { visibleLinks } from '../read/visibility';
import { deals } from '../sales/schema';
import { users } from '../system/schema';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { activities, tasks } from './schema';

/** The bookkeeping columns of an activity or a task, as the API names them. */
export function recordMetaColumns(table: typeof activities | typeof tasks) {
  return {
    id: table.id,
    version: table.version,
    createdAt: table.createdAt,
    updatedAt: table.updatedAt,
    createdBy: table.createdBy,
    updatedBy: table.updatedBy,
    deletedAt: table.deletedAt,
  };
}

/** What an activity or a task is about, with the names shown for it (the query left-joins contacts, companies and deals on the links). */
export function recordLinkColumns(table: typeof activities | typeof tasks) {
  return {
    contactId: table.contactId,
    contactName: contacts.name,
    companyId: table.companyId,
    companyName: companies.name,
    dealId: table.dealId,
    dealTitle: deals.title,
  };
}

export function readActivity(reads: Reads, id: number): Activity | undefined {
  return reads.db
    .select({
      channel: activities.channel,
      direction: activities.direction,
      subject: activities.subject,
      body: activities.body,
      outcome: activities.outcome,
      durationMinutes: activities.durationMinutes,
      occurredAt: activities.occurredAt,
      ...recordLinkColumns(activities),
      userName: users.name,
      ...recordMetaColumns(activities),
    })
    .from(activities)
    .leftJoin(contacts, eq(contacts.id, activities.contactId))
    .leftJoin(companies, eq(companies.id, activities.companyId))
    .leftJoin(deals, eq(deals.id, activities.dealId))
    .leftJoin(users, eq(users.id, activities.createdBy))
    .where(and(eq(activities.id, id), ...visibleLinks(activities, reads.viewer)))
    .get();
}

export function getActivity(store: Store, id: number): Activity {
  const activity = readActivity(store.reads, id);
  if (!activity || activity.deletedAt !== null) throw notFound('Activity', id);
  return activity;
}

/** Links must point at live records; shared by activities and tasks. */
export function checkLinks(reads: Reads, links: { contactId?: number | null; companyId?: number | null; dealId?: number | null }): void {
  requireLive(reads, 'contacts', links.contactId, 'contactId');
  requireLive(reads, 'companies', links.companyId, 'companyId');
  requireLive(reads, 'deals', links.dealId, 'dealId');
}

export function logActivity(store: Store, input: z.output<typeof activityCreate>): Activity {
  const id = write(store, (writer) => {
    checkLinks(writer.reads, input);
    return writer.insert(activities, { ...input, occurredAt: input.occurredAt ?? writer.now });
  });
  return getActivity(store, id);
}

export function updateActivity(store: Store, input: z.output<typeof activityUpdate>): Activity {
  write(store, (writer) => {
    checkLinks(writer.reads, input.patch);
    const current = writer.read(activities, input.id);
    if (current) {
      const merged = { ...current, ...input.patch };
      if (merged.contactId == null && merged.companyId == null && merged.dealId == null) {
        throw validation('contactId', 'Link the activity to a contact, a company or a deal');
      }
    }
    writer.update(activities, input.id, input.version, input.patch, { describeCurrent: (id) => readActivity(writer.reads, id) });
  });
  return getActivity(store, input.id);
}
