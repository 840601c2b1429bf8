import type { AuditCause } from '../contract/system';
import { eq } from 'drizzle-orm';
import { contacts } from '../people/schema';
import type { RecordWriter } from '../write/record-writer';

/** Lifecycle stages a purchase moves on to customer; an inactive contact who buys again is left for a person to judge. */
const BEFORE_CUSTOMER = ['lead', 'prospect'];

/**
 * A contact who has bought (a deal won, an order paid) becomes a customer, in the caller's write
 * transaction and through the writer: the contact's version bumps, the audit entry names the cause,
 * and the change feed has a row. Only the deal's or order's own contact moves, not the company's people.
 */
export function promoteToCustomer(writer: RecordWriter, contactId: number | null, cause: AuditCause): void {
  if (contactId === null) return;
  const contact = writer.reads.db
    .select({ version: contacts.version, lifecycle: contacts.lifecycle, deletedAt: contacts.deletedAt })
    .from(contacts)
    .where(eq(contacts.id, contactId))
    .get();
  if (!contact || contact.deletedAt !== null || !BEFORE_CUSTOMER.includes(contact.lifecycle)) return;
  writer.update(contacts, contactId, contact.version, { lifecycle: 'customer' }, { cause });
}
