import type { z } from 'zod';
import type { StaffMember, User, staffCreate, staffUpdate } from '../contract/system';
import { RapportError, notFound, validation } from '../errors';
import { statement } from '../read/statements';
import type { FieldChange } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { hashPin } from './pin';
import { users } from './schema';

interface StaffRow {
  id: number;
  name: string;
  role: User['role'];
  active: number;
  version: number;
  has_pin: number;
}

const STAFF_COLUMNS = 'id, name, role, active, version, pin_hash IS NOT NULL AS has_pin';

function toStaff(row: StaffRow): StaffMember {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1, version: row.version, hasPin: row.has_pin === 1 };
}

/** Everyone, active or not, for Settings › Staff. */
export function listStaff(workspace: Workspace): StaffMember[] {
  return (statement(workspace.sqlite, `SELECT ${STAFF_COLUMNS} FROM users WHERE deleted_at IS NULL ORDER BY id`).all() as StaffRow[]).map(toStaff);
}

/** Who can sign in: the "Who are you?" list. */
export function activeStaff(workspace: Workspace): StaffMember[] {
  return listStaff(workspace).filter((member) => member.active);
}

export function getStaff(workspace: Workspace, id: number): StaffMember {
  const row = statement(workspace.sqlite, `SELECT ${STAFF_COLUMNS} FROM users WHERE id = ? AND deleted_at IS NULL`).get(id) as StaffRow | undefined;
  if (!row) throw notFound('Staff member', id);
  return toStaff(row);
}

/** The audit notes only that a PIN was set or cleared: the hash itself is kept out of history. */
const pinChange = (before: boolean, after: boolean): FieldChange[] => (before === after && !after ? [] : [{ field: 'pin', before: before ? 'set' : null, after: after ? 'set' : null }]);

/** Managers manage everyone but owners: making, changing or creating an owner takes an owner. */
function requireMayManage(actor: User, ...roles: (User['role'] | undefined)[]): void {
  if (actor.role !== 'owner' && roles.includes('owner')) throw new RapportError('FORBIDDEN', 'Only an owner can manage owners.');
}

export function createStaff(workspace: Workspace, actor: User, input: z.output<typeof staffCreate>): StaffMember {
  requireMayManage(actor, input.role);
  // Hashing is slow on purpose; it happens before the write transaction, never inside it.
  const pinHash = input.pin ? hashPin(input.pin) : null;
  const id = write(workspace, (writer) => writer.insert(users, { name: input.name, role: input.role, active: true, pinHash }, { extraChanges: pinChange(false, pinHash !== null) }));
  return getStaff(workspace, id);
}

export function updateStaff(workspace: Workspace, actor: User, input: z.output<typeof staffUpdate>): StaffMember {
  const pinHash = input.pin ? hashPin(input.pin) : input.pin;
  write(workspace, (writer) => {
    const current = writer.read(users, input.id);
    if (!current || current.deletedAt !== null) throw notFound('Staff member', input.id);
    requireMayManage(actor, current.role, input.role);
    const staysActiveOwner = (input.role ?? current.role) === 'owner' && (input.active ?? current.active);
    if (current.role === 'owner' && current.active && !staysActiveOwner) {
      const others = statement(writer.sqlite, `SELECT count(*) AS n FROM users WHERE role = 'owner' AND active = 1 AND deleted_at IS NULL AND id != ?`).get(current.id) as { n: number };
      if (others.n === 0) throw validation(input.role !== undefined && input.role !== 'owner' ? 'role' : 'active', 'At least one active owner must remain');
    }
    const patch: Partial<typeof users.$inferInsert> = { name: input.name, role: input.role, active: input.active };
    const extraChanges: FieldChange[] = [];
    if (pinHash !== undefined) {
      patch.pinHash = pinHash;
      extraChanges.push(...pinChange(current.pinHash !== null, pinHash !== null));
    }
    writer.update(users, current.id, input.version, patch, { extraChanges, describeCurrent: (id) => getStaff(workspace, id) });
  });
  return getStaff(workspace, input.id);
}
