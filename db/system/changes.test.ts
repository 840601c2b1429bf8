import { describe, expect, it } from 'vitest';
import { appRouter } from '../api/router';
import { openCore } from '../api/core';
import { tempCore } from '../test-support/temp-workspace';

describe('the change feed seen from another client', () => {
  it('reports tables written by another connection, and nothing for its own writes', async () => {
    const { api, file } = tempCore();
    const start = await api.system.changes({ seq: 0 });
    await api.people.contacts.create({ name: 'Mine' });
    const own = await api.system.changes({ seq: start.seq });
    expect(own.changed).toBe(false);

    const otherCore = openCore(file, { probeLocks: false });
    try {
      await appRouter.createCaller(otherCore.context()).people.companies.create({ name: 'Theirs' });
    } finally {
      otherCore.close();
    }
    const theirs = await api.system.changes({ seq: own.seq });
    expect(theirs.changed).toBe(true);
    expect(theirs.tables).toContain('companies');
    expect(theirs.seq).toBeGreaterThan(own.seq);
    expect((await api.system.changes({ seq: theirs.seq })).changed).toBe(false);
  });
});
