import { describe, expect, it } from 'vitest';
import { appRouter } from '../api/router';
import { openCore } from '../api/core';
import { tempCore } from '../test-support/temp-workspace';
import { planOf } from '../test-support/query-plans';
import { changedTablesQuery } from './changes';

describe('the change feed', () => {
  it('starts from where the feed stands, reporting nothing', async () => {
    const { api } = tempCore();
    await api.people.contacts.create({ name: 'Before' });
    const start = await api.system.changes({});
    expect(start).toEqual({ seq: expect.any(Number), tables: [], changed: false });
    expect(start.seq).toBeGreaterThan(0);
  });

  it("reports this core's own writes, so two tabs of one host (one client id) see each other", async () => {
    const { api } = tempCore();
    const tabA = await api.system.changes({});
    const tabB = await api.system.changes({});
    await api.people.contacts.create({ name: 'Mine' });
    const seenByB = await api.system.changes({ seq: tabB.seq });
    expect(seenByB.changed).toBe(true);
    expect(seenByB.tables).toEqual(['contacts']);
    // Each tab keeps its own seq: B catching up leaves A's view of the feed untouched.
    expect((await api.system.changes({ seq: tabA.seq })).tables).toEqual(['contacts']);
    expect(await api.system.changes({ seq: seenByB.seq })).toEqual({ seq: seenByB.seq, tables: [], changed: false });
  });

  it('reports tables written by another connection on the same file, only those after the seq', async () => {
    const { api, file } = tempCore();
    await api.sales.products.create({ sku: 'E-1', name: 'Earlier', unitPriceMinor: 100, currency: 'USD' });
    const start = await api.system.changes({});
    const otherCore = openCore(file, { probeLocks: false });
    try {
      await appRouter.createCaller(otherCore.context()).people.companies.create({ name: 'Theirs' });
    } finally {
      otherCore.close();
    }
    const theirs = await api.system.changes({ seq: start.seq });
    expect(theirs.tables).toEqual(['companies']);
    expect(theirs.seq).toBeGreaterThan(start.seq);
    expect((await api.system.changes({ seq: theirs.seq })).changed).toBe(false);
  });

  it('reads only the rows after the seq, through the primary key', () => {
    const { core } = tempCore();
    expect(planOf(core.workspace.sqlite, changedTablesQuery(core.workspace.reads, 5, 9))).toMatch(/SEARCH changes USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
  });
});
