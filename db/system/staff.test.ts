import { describe, expect, it } from 'vitest';
import type { UserRole } from '../contract/system';
import { appRouter } from '../api/router';
import { roleAllows, type ProcedureMeta } from '../api/trpc';
import { rapportError, tempCore } from '../test-support/temp-workspace';
import { StaffSession } from './session';

type Core = ReturnType<typeof tempCore>['core'];
type Api = ReturnType<typeof appRouter.createCaller>;

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; meta?: ProcedureMeta } }>;

/** A caller with a session of its own (another window or PC), signed in as `userId`. */
async function signedIn(core: Core, userId: number, pin?: string): Promise<Api> {
  const api = appRouter.createCaller(core.context(new StaffSession('PC-2')));
  await api.system.session.signIn({ userId, pin });
  return api;
}

/** A workspace with one user of every role; the owner is the first-run owner. */
async function staffedWorkspace() {
  const { core, api, file } = tempCore();
  const owner = (await api.system.session.current())!;
  const manager = await api.system.staff.create({ name: 'Mei Manager', role: 'manager' });
  const staff = await api.system.staff.create({ name: 'Sam Staff', role: 'staff', pin: '2468' });
  const readOnly = await api.system.staff.create({ name: 'Rita Reader', role: 'read_only' });
  const callers: Record<UserRole, Api> = {
    owner: api,
    manager: await signedIn(core, manager.id),
    staff: await signedIn(core, staff.id, '2468'),
    read_only: await signedIn(core, readOnly.id),
  };
  return { core, api, file, owner, manager, staff, readOnly, callers };
}

function call(api: Api, path: string, input: unknown): Promise<unknown> {
  const target = path.split('.').reduce<any>((node, key) => node[key], api);
  return target(input);
}

describe('access declared and enforced in the core', () => {
  it('every procedure declares the access it needs', () => {
    const undeclared = Object.entries(procedures)
      .filter(([, procedure]) => !procedure._def.meta?.access)
      .map(([path]) => path);
    expect(Object.keys(procedures).length).toBeGreaterThan(50);
    expect(undeclared).toEqual([]);
  });

  it('declares what the roles promise: staff cannot manage staff, settings, pipelines or purge; mutations need write', () => {
    const access = (path: string) => procedures[path]!._def.meta!.access;
    const managed = Object.keys(procedures).filter((path) => /^system\.staff\.|^sales\.pipelines\.(create|rename|stages\.)/.test(path));
    expect(managed.length).toBeGreaterThanOrEqual(9);
    for (const path of [...managed, 'system.workspace.updateSettings', 'system.trash.purge']) expect([path, access(path)]).toEqual([path, 'manage']);
    // Only signing in (and taking one's reminders, which edits no record) is open to roles that cannot write.
    const mutationsBelowWrite = Object.entries(procedures)
      .filter(([, procedure]) => procedure._def.type === 'mutation' && roleAllows('read_only', procedure._def.meta!.access))
      .map(([path]) => path)
      .sort();
    expect(mutationsBelowWrite).toEqual(['system.session.signIn', 'system.session.signOut', 'work.tasks.takeDueReminders']);
  });

  it('refuses every procedure above a role: READ_ONLY for read-only users, FORBIDDEN for the rest, nothing for owners', async () => {
    const { callers } = await staffedWorkspace();
    for (const role of ['owner', 'manager', 'staff', 'read_only'] as const) {
      for (const [path, procedure] of Object.entries(procedures)) {
        if (path === 'system.session.signOut') continue;
        // Not valid input for any procedure that takes some: an allowed call stops at validation and writes nothing.
        const outcome = await call(callers[role], path, 'not valid input').then(
          () => 'ran',
          (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? 'error',
        );
        const refused = outcome === 'FORBIDDEN' || outcome === 'READ_ONLY';
        expect([role, path, refused]).toEqual([role, path, !roleAllows(role, procedure._def.meta!.access)]);
        if (refused) expect([role, path, outcome]).toEqual([role, path, role === 'read_only' ? 'READ_ONLY' : 'FORBIDDEN']);
      }
    }
  });

  it('lets a read-only user read but refuses a write with READ_ONLY, and staff a pipeline change with FORBIDDEN', async () => {
    const { callers } = await staffedWorkspace();
    expect(await callers.read_only.people.contacts.list({})).toMatchObject({ rows: [] });
    expect((await rapportError(() => callers.read_only.people.contacts.create({ name: 'Ann' }))).code).toBe('READ_ONLY');
    expect((await rapportError(() => callers.staff.sales.pipelines.create({ name: 'Wholesale', stages: [{ name: 'New', probability: 10 }] }))).code).toBe('FORBIDDEN');
    expect((await callers.staff.people.contacts.create({ name: 'Ann' })).name).toBe('Ann');
  });

  it('lets a connection with nobody signed in only sign in', async () => {
    const { core, staff } = await staffedWorkspace();
    const nobody = appRouter.createCaller(core.context(new StaffSession()));
    expect((await nobody.system.workspace.info()).currentUser).toBeNull();
    expect((await nobody.system.session.staff()).map((member) => member.name)).toEqual(['Owner', 'Mei Manager', 'Sam Staff', 'Rita Reader']);
    expect((await rapportError(() => nobody.people.contacts.list({}))).code).toBe('FORBIDDEN');
    expect((await rapportError(() => nobody.system.changes({}))).code).toBe('FORBIDDEN');
    await nobody.system.session.signIn({ userId: staff.id, pin: '2468' });
    expect((await nobody.system.workspace.info()).currentUser).toMatchObject({ name: 'Sam Staff', role: 'staff' });
    await nobody.system.session.signOut();
    expect((await rapportError(() => nobody.people.contacts.list({}))).code).toBe('FORBIDDEN');
  });
});

describe('staff users', () => {
  it('creates and updates staff through the writer, audited, without ever returning or auditing the PIN hash', async () => {
    const { core, api } = tempCore();
    const created = await api.system.staff.create({ name: 'Sam', role: 'staff', pin: '1234' });
    expect(created).toEqual({ id: created.id, name: 'Sam', role: 'staff', active: true, version: 1, hasPin: true });
    const stored = core.workspace.sqlite.prepare('SELECT pin_hash FROM users WHERE id = ?').get(created.id) as { pin_hash: string };
    expect(stored.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    const other = await api.system.staff.create({ name: 'Kim', role: 'staff', pin: '1234' });
    expect((core.workspace.sqlite.prepare('SELECT pin_hash FROM users WHERE id = ?').get(other.id) as { pin_hash: string }).pin_hash).not.toBe(stored.pin_hash);

    const updated = await api.system.staff.update({ id: created.id, version: 1, name: 'Sam Lee', role: 'manager', pin: null });
    expect(updated).toMatchObject({ name: 'Sam Lee', role: 'manager', hasPin: false, version: 2 });
    const everything = JSON.stringify([await api.system.staff.list(), await api.system.users.list(), await api.system.session.staff()]);
    const audit = core.workspace.sqlite.prepare("SELECT action, changes FROM audit_log WHERE table_name = 'users' AND row_id = ? ORDER BY id").all(created.id) as { action: string; changes: string }[];
    expect(everything + JSON.stringify(audit)).not.toContain('scrypt');
    expect(audit.map((entry) => [entry.action, JSON.parse(entry.changes)])).toEqual([
      ['create', [{ field: 'name', before: null, after: 'Sam' }, { field: 'role', before: null, after: 'staff' }, { field: 'active', before: null, after: true }, { field: 'pin', before: null, after: 'set' }]],
      ['update', [{ field: 'name', before: 'Sam', after: 'Sam Lee' }, { field: 'role', before: 'staff', after: 'manager' }, { field: 'pin', before: 'set', after: null }]],
    ]);
    expect((await rapportError(() => api.system.staff.update({ id: created.id, version: 1, name: 'Stale' }))).code).toBe('CONFLICT');
    expect((await rapportError(() => api.system.staff.create({ name: 'Pat', role: 'staff', pin: '12' }))).issues?.[0]?.path).toBe('pin');
  });

  it('keeps at least one active owner', async () => {
    const { api, core } = tempCore();
    const owner = (await api.system.session.current())!;
    const version = (await api.system.staff.list())[0]!.version;
    expect((await rapportError(() => api.system.staff.update({ id: owner.id, version, role: 'manager' }))).issues).toEqual([{ path: 'role', message: 'At least one active owner must remain' }]);
    expect((await rapportError(() => api.system.staff.update({ id: owner.id, version, active: false }))).issues?.[0]?.path).toBe('active');
    const second = await api.system.staff.create({ name: 'Second owner', role: 'owner' });
    expect((await api.system.staff.update({ id: owner.id, version, role: 'manager' })).role).toBe('manager');
    // Now a manager: owners are no longer theirs to manage.
    expect((await rapportError(() => api.system.staff.update({ id: second.id, version: 1, active: false }))).code).toBe('FORBIDDEN');
    const secondApi = await signedIn(core, second.id);
    expect((await rapportError(() => secondApi.system.staff.update({ id: second.id, version: 1, active: false }))).issues?.[0]?.path).toBe('active');
  });

  it('lets managers manage everyone but owners', async () => {
    const { callers, owner, staff } = await staffedWorkspace();
    expect((await rapportError(() => callers.manager.system.staff.create({ name: 'New owner', role: 'owner' }))).code).toBe('FORBIDDEN');
    expect((await rapportError(() => callers.manager.system.staff.update({ id: owner.id, version: 1, name: 'Renamed' }))).code).toBe('FORBIDDEN');
    expect((await rapportError(() => callers.manager.system.staff.update({ id: staff.id, version: staff.version, role: 'owner' }))).code).toBe('FORBIDDEN');
    expect((await rapportError(() => callers.staff.system.staff.list())).code).toBe('FORBIDDEN');
    expect((await callers.manager.system.staff.update({ id: staff.id, version: staff.version, role: 'read_only' })).role).toBe('read_only');
    expect((await rapportError(() => callers.staff.system.staff.list())).code).toBe('READ_ONLY');
  });
});

describe('sign-in per session', () => {
  it('signs the only user in by itself, and asks once there are several', async () => {
    const { core, api } = tempCore();
    expect((await appRouter.createCaller(core.context(new StaffSession())).system.session.current())?.role).toBe('owner');
    await api.system.staff.create({ name: 'Sam', role: 'staff' });
    expect(await appRouter.createCaller(core.context(new StaffSession())).system.session.current()).toBeNull();
    // The connection that was in stays signed in.
    expect((await api.system.session.current())?.role).toBe('owner');
  });

  it('refuses a missing or wrong PIN on the PIN field (lockouts: pin-lockout.test.ts), and a deactivated user', async () => {
    const { core, staff, api } = await staffedWorkspace();
    const session = appRouter.createCaller(core.context(new StaffSession()));
    expect((await rapportError(() => session.system.session.signIn({ userId: staff.id }))).issues).toEqual([{ path: 'pin', message: 'Enter your PIN' }]);
    expect((await rapportError(() => session.system.session.signIn({ userId: staff.id, pin: '0000' }))).issues).toEqual([{ path: 'pin', message: 'Wrong PIN' }]);
    const staffApi = await signedIn(core, staff.id, '2468');
    await api.system.staff.update({ id: staff.id, version: staff.version, active: false });
    expect((await rapportError(() => staffApi.people.contacts.list({}))).code).toBe('FORBIDDEN');
    expect((await rapportError(() => signedIn(core, staff.id, '2468'))).issues?.[0]?.path).toBe('userId');
  });

  it('records the signed-in user and the PC on every write, and shows names of who else is in', async () => {
    const { core, staff, file } = await staffedWorkspace();
    const staffApi = await signedIn(core, staff.id, '2468');
    const contact = await staffApi.people.contacts.create({ name: 'Ann' });
    const row = core.workspace.sqlite.prepare('SELECT created_by, updated_by FROM contacts WHERE id = ?').get(contact.id);
    expect(row).toEqual({ created_by: staff.id, updated_by: staff.id });
    const audit = core.workspace.sqlite.prepare("SELECT user_id, client FROM audit_log WHERE table_name = 'contacts' AND row_id = ?").get(contact.id);
    expect(audit).toEqual({ user_id: staff.id, client: 'PC-2' });
    const history = await staffApi.system.history({ kind: 'contact', id: contact.id });
    expect(history[0]?.userName).toBe('Sam Staff');

    const colleague = tempCore({}, file);
    await appRouter.createCaller(colleague.core.context(new StaffSession())).system.session.signIn({ userId: staff.id, pin: '2468' });
    expect((await staffApi.system.workspace.info()).others).toMatchObject([{ userName: 'Sam Staff' }]);
  });
});
