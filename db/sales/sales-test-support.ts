import { router } from '../api/trpc';
import { rapportError, tempCore } from '../test-support/temp-workspace';
import { customerProcedure, dependentsProcedure, ordersRouter, productsRouter } from './orders-router';

/** A workspace plus a caller for the sales procedures of this folder, independent of where they are mounted. */
export function salesCore() {
  const { core, api } = tempCore();
  const sales = router({
    products: productsRouter,
    orders: ordersRouter,
    customer: customerProcedure,
    dependents: dependentsProcedure,
  }).createCaller(core.context());
  const sqlite = core.workspace.sqlite;
  const count = (table: string, where = '1 = 1', ...params: unknown[]) =>
    (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
  return { core, api, sales, sqlite, count };
}

export { rapportError };
