import type { z } from 'zod';
import type { StaffMember, User, staffCreate, staffUpdate } from '../contract/system';
import { RapportError, notFound, validation } from '../errors';
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Reads } from '../read/reads';
import type { FieldChange } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { hashPin } from './pin';
import { users } from './schema';

/** A staff member as Settings › Staff shows them: whether a PIN is set, never its hash. */
function staffSelect(reads: Reads) {
  return reads.db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, version: users.version, hasPin: sql<boolean>`${users.pinHash} IS NOT NULL`.mapWith(Boolean) })
    .from(users);
}

/** Everyone, active or not, for Settings › Staff. */
export function listStaff(store: Store): StaffMember[] {
  return staffSelect(store.reads).where(isNull(users.deletedAt)).orderBy(asc(users.id)).all();
}

/** Who can sign in: the "Who are you?" list. */
export function activeStaff(store: Store): StaffMember[] {
  return listStaff(store).filter((member) => member.active);
}

export function getStaff(store: Store, id: number): StaffMember {
  const row = staffSelect(store.reads).where(and(eq(users.id, id), isNull(users.deletedAt))).get();
  if (!row) throw notFound('Staff member', id);
  return row;
}

/** The audit notes only that a PIN was set or cleared: the hash itself is kept out of history. */
const pinChange = (before: boolean, after: boolean): FieldChange[] => (before === after && !after ? [] : [{ field: 'pin', before: before ? 'set' : null, after: after ? 'set' : null }]);

/** Managers manage everyone but owners: making, changing or creating an owner takes an owner. */
function requireMayManage(actor: User, ...roles: (User['role'] | undefined)[]): void {
  if (actor.role !== 'owner' && roles.includes('owner')) throw new RapportError('FORBIDDEN', 'Only an owner can manage owners.');
}

export function createStaff(store: Store, actor: User, input: z.output<typeof staffCreate>): StaffMember {
  requireMayManage(actor, input.role);
  // Hashing is slow on purpose; it happens before the write transaction, never inside it.
  const pinHash = input.pin ? hashPin(input.pin) : null;
  const id = write(store, (writer) => writer.insert(users, { name: input.name, role: input.role, active: true, pinHash }, { extraChanges: pinChange(false, pinHash !== null) }));
  return getStaff(store, id);
}

export function updateStaff(store: Store, actor: User, input: z.output<typeof staffUpdate>): StaffMember {
  const pinHash = input.pin ? hashPin(input.pin) : input.pin;
  write(store, (writer) => {
    const current = writer.read(users, input.id);
    if (!current || current.deletedAt !== null) throw notFound('Staff member', input.id);
    requireMayManage(actor, current.role, input.role);
    const staysActiveOwner = (input.role ?? current.role) === 'owner' && (input.active ?? current.active);
    if (current.role === 'owner' && current.active && !staysActiveOwner) {
      const others = writer.reads.db
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'owner'), eq(users.active, true), isNull(users.deletedAt), ne(users.id, current.id)))
        .get();
      if (!others?.n) throw validation(input.role !== undefined && input.role !== 'owner' ? 'role' : 'active', 'At least one active owner must remain');
    }
    const patch: Partial<typeof users.$inferInsert> = { name: input.name, role: input.role, active: input.active };
    const extraChanges: FieldChange[] = [];
    if (pinHash !== undefined) {
      patch.pinHash = pinHash;
      extraChanges.push(...pinChange(current.pinHash !== null, pinHash !== null));
    }
    writer.update(users, current.id, input.version, patch, { extraChanges, describeCurrent: (id) => getStaff(store, id) });
  });
  return getStaff(store, input.id);
}
