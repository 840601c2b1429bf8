/** The renderer's live refresh driven against a real core: here because only db/ tests may import both. */
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRouter } from '../api/router';
import { openCore } from '../api/core';
import { tempCore } from '../test-support/temp-workspace';
import { createQueryClient } from '../../renderer/src/app/query-client';
import { liveRefreshOf } from '../../renderer/src/app/live-refresh/live-refresh';

const unsubscribers: (() => void)[] = [];
afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
});

/**
 * A window's query cache on a real core: the very query keys and calls the renderer makes (through
 * tRPC's options proxy, calling the router in process), with the given queries on screen.
 */
async function windowOnScreen() {
  const { api, core, file } = tempCore();
  const contact = await api.people.contacts.create({ name: 'Ann Lee' });
  const product = await api.sales.products.create({ sku: 'T-1', name: 'Tea', unitPriceMinor: 500, currency: 'USD' });
  const queryClient = createQueryClient();
  const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: core.context(), queryClient });
  const onScreen = {
    contactList: trpc.people.contacts.list.queryOptions({}),
    contactPage: trpc.people.contacts.get.queryOptions({ id: contact.id }),
    contactHistory: trpc.system.history.queryOptions({ kind: 'contact', id: contact.id }),
    productList: trpc.sales.products.list.queryOptions({}),
    pipelines: trpc.sales.pipelines.list.queryOptions(),
    tasksToday: trpc.work.tasks.today.queryOptions({ dayStart: Date.UTC(2026, 0, 1), dayEnd: Date.UTC(2026, 0, 2) }),
  };
  for (const options of Object.values(onScreen)) {
    const observer = new QueryObserver(queryClient, options as never);
    unsubscribers.push(observer.subscribe(() => undefined));
  }
  await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
  const liveRefresh = liveRefreshOf(queryClient);
  const feed = { api };
  unsubscribers.push(liveRefresh.connect((seq) => feed.api.system.changes(seq === undefined ? {} : { seq })));
  await liveRefresh.sync();
  return { api, core, file, contact, product, queryClient, trpc, liveRefresh, feed, fetched: recordFetches(queryClient) };
}

/** The procedure paths of the queries fetched from now on. */
function recordFetches(queryClient: QueryClient) {
  const paths: string[] = [];
  unsubscribers.push(
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'fetch') paths.push((event.query.queryKey[0] as string[]).join('.'));
    }),
  );
  return {
    async settled() {
      await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
      return [...new Set(paths.splice(0))].sort();
    },
  };
}

describe('live refresh', () => {
  it('after a mutation refetches exactly the queries that read the tables it wrote', async () => {
    const { contact, queryClient, trpc, fetched } = await windowOnScreen();
    const rename = queryClient.getMutationCache().build(queryClient, trpc.people.contacts.update.mutationOptions());
    await rename.execute({ id: contact.id, version: contact.version, patch: { name: 'Ann Lee-Wong' } });

    expect(await fetched.settled()).toEqual(['people.contacts.get', 'people.contacts.list', 'system.history', 'work.tasks.today']);
    expect(queryClient.getQueryData(trpc.people.contacts.get.queryKey({ id: contact.id }))).toMatchObject({ name: 'Ann Lee-Wong' });
  });

  it("refetches what another process wrote, and nothing once it caught up", async () => {
    const { file, product, liveRefresh, fetched } = await windowOnScreen();
    const colleague = openCore(file, { probeLocks: false });
    try {
      await appRouter.createCaller(colleague.context()).sales.products.update({ id: product.id, version: product.version, patch: { name: 'Green tea' } });
    } finally {
      colleague.close();
    }
    await liveRefresh.sync();
    expect(await fetched.settled()).toEqual(['sales.products.list']);
    await liveRefresh.sync();
    expect(await fetched.settled()).toEqual([]);
  });

  it('catches up once for syncs asked for while one is running, and after it', async () => {
    const { api, contact, liveRefresh, fetched } = await windowOnScreen();
    const running = liveRefresh.sync();
    // Written while the first sync may already have read the feed: the queued sync must see it.
    await api.people.contacts.update({ id: contact.id, version: contact.version, patch: { name: 'Ann Z' } });
    const queued = liveRefresh.sync();
    expect(liveRefresh.sync()).toBe(queued);
    await Promise.all([running, queued]);
    expect(await fetched.settled()).toContain('people.contacts.list');
  });

  it('refetches everything when the feed went back (the file was replaced by an older copy)', async () => {
    const { liveRefresh, feed, fetched } = await windowOnScreen();
    feed.api = tempCore().api;
    await liveRefresh.sync();
    expect(await fetched.settled()).toEqual([
      'people.contacts.get',
      'people.contacts.list',
      'sales.pipelines.list',
      'sales.products.list',
      'system.history',
      'work.tasks.today',
    ]);
  });
});
