import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../api/router';
import { tempCore } from '../test-support/temp-workspace';
import { StaffSession } from './session';

describe('a record’s history', () => {
  it('says who made each change, at which PC and when, newest first', async () => {
    const { api, core } = tempCore();
    const contact = await api.people.contacts.create({ name: 'Wang Fang' });
    const frontDesk = appRouter.createCaller(core.context(new StaffSession('FRONT-DESK')));
    const owner = (await api.system.session.current())!;
    await frontDesk.system.session.signIn({ userId: owner.id });
    await frontDesk.people.contacts.update({ id: contact.id, version: contact.version, patch: { name: 'Wang Fang (VIP)' } });

    const history = await api.system.history({ kind: 'contact', id: contact.id });
    expect(history.map((entry) => [entry.action, entry.userName, entry.client])).toEqual([
      ['update', owner.name, 'FRONT-DESK'],
      ['create', owner.name, os.hostname()],
    ]);
    expect(history[0]!.at).toBeGreaterThanOrEqual(history[1]!.at);
    expect(history[0]!.changes).toEqual([{ field: 'name', before: 'Wang Fang', after: 'Wang Fang (VIP)' }]);
  });

  it('names a changed link by the linked record’s title as it reads now', async () => {
    const { api } = tempCore();
    const harbor = await api.people.companies.create({ name: 'Harbor Bakery' });
    const mill = await api.people.companies.create({ name: 'Mill Street Flour' });
    const contact = await api.people.contacts.create({ name: 'Emily Hall', companyId: harbor.id });
    await api.people.contacts.update({ id: contact.id, version: contact.version, patch: { companyId: mill.id } });

    const [update] = await api.system.history({ kind: 'contact', id: contact.id });
    expect(update!.changes).toEqual([{ field: 'companyId', before: harbor.id, after: mill.id, linkKind: 'company', beforeTitle: 'Harbor Bakery', afterTitle: 'Mill Street Flour' }]);
  });
});
