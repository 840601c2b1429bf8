import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Activity, activityCreate, activityUpdate } from '../contract/work';
import { notFound, validation } from '../errors';
import { recordLinks, recordMeta, type RecordLinksRow, type RecordMetaRow } from '../read/record-mapping';
import { requireLive } from '../read/references';
import { statement } from '../read/statements';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { activities } from './schema';

interface ActivityDbRow extends RecordMetaRow, RecordLinksRow {
  channel: Activity['channel'];
  direction: Activity['direction'];
  subject: string;
  body: string | null;
  outcome: string | null;
  duration_minutes: number | null;
  occurred_at: number;
  user_name: string | null;
}

export function readActivity(sqlite: Database.Database, id: number): Activity | undefined {
  const row = statement(
    sqlite,
    `SELECT a.*, c.name AS contact_name, co.name AS company_name, d.title AS deal_title, u.name AS user_name
     FROM activities a LEFT JOIN contacts c ON c.id = a.contact_id LEFT JOIN companies co ON co.id = a.company_id
     LEFT JOIN deals d ON d.id = a.deal_id LEFT JOIN users u ON u.id = a.created_by WHERE a.id = ?`,
  ).get(id) as ActivityDbRow | undefined;
  if (!row) return undefined;
  return {
    channel: row.channel,
    direction: row.direction,
    subject: row.subject,
    body: row.body,
    outcome: row.outcome,
    durationMinutes: row.duration_minutes,
    occurredAt: row.occurred_at,
    ...recordLinks(row),
    userName: row.user_name,
    ...recordMeta(row),
  };
}

export function getActivity(workspace: Workspace, id: number): Activity {
  const activity = readActivity(workspace.sqlite, id);
  if (!activity || activity.deletedAt !== null) throw notFound('Activity', id);
  return activity;
}

/** Links must point at live records; shared by activities and tasks. */
export function checkLinks(sqlite: Database.Database, links: { contactId?: number | null; companyId?: number | null; dealId?: number | null }): void {
  requireLive(sqlite, 'contacts', links.contactId, 'contactId');
  requireLive(sqlite, 'companies', links.companyId, 'companyId');
  requireLive(sqlite, 'deals', links.dealId, 'dealId');
}

export function logActivity(workspace: Workspace, input: z.output<typeof activityCreate>): Activity {
  const id = write(workspace, (writer) => {
    checkLinks(writer.sqlite, input);
    return writer.insert(activities, { ...input, occurredAt: input.occurredAt ?? writer.now });
  });
  return getActivity(workspace, id);
}

export function updateActivity(workspace: Workspace, input: z.output<typeof activityUpdate>): Activity {
  write(workspace, (writer) => {
    checkLinks(writer.sqlite, input.patch);
    const current = writer.read(activities, input.id);
    if (current) {
      const merged = { ...current, ...input.patch };
      if (merged.contactId == null && merged.companyId == null && merged.dealId == null) {
        throw validation('contactId', 'Link the activity to a contact, a company or a deal');
      }
    }
    writer.update(activities, input.id, input.version, input.patch, { describeCurrent: (id) => readActivity(writer.sqlite, id) });
  });
  return getActivity(workspace, input.id);
}
