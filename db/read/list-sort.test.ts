import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES } from '../contract/people';
import { ORDER_STATUSES, QUOTE_STATUSES } from '../contract/sales';
import { salesCore } from '../sales/sales-test-support';

/**
 * Every sortable column of every keyset-paged list, both ways: paging three rows at a time gives
 * exactly the order an independent comparator gives (ties broken by id in the same direction),
 * and the production queries (captured as the core prepares them) are served by an index, with no
 * temp B-tree, except where the sort key is a joined name.
 */

type Direction = 'asc' | 'desc';
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function expectedOrder<Row extends { id: number }>(rows: Row[], key: (row: Row) => (string | number)[], direction: Direction): number[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const ka = [...key(a), a.id];
      const kb = [...key(b), b.id];
      for (let index = 0; index < ka.length; index++) {
        const order = compare(ka[index]!, kb[index]!);
        if (order !== 0) return sign * order;
      }
      return 0;
    })
    .map((row) => row.id);
}

async function pagedIds(list: (cursor: string | undefined) => Promise<{ rows: { id: number }[]; nextCursor?: string | null }>): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    ids.push(...page.rows.map((row) => row.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** The SQL of the list pages the core prepares while `run` runs (first pages and cursor pages). */
async function capturePageQueries(sqlite: Database.Database, run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  (sqlite as { prepare: typeof sqlite.prepare }).prepare = ((source: string) => {
    if (/ORDER BY[\s\S]*LIMIT \?$/.test(source.trim())) seen.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    await run();
  } finally {
    (sqlite as { prepare: typeof sqlite.prepare }).prepare = prepare;
  }
  return seen;
}

function planOf(sqlite: Database.Database, source: string): string {
  const params = (source.match(/\?/g) ?? []).map(() => 1);
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
}

const BOTH: Direction[] = ['asc', 'desc'];

describe('list sorting', () => {
  it('contacts and companies sort by every column both ways, pages joining up', async () => {
    const { api, sqlite } = salesCore();
    const names = ['王芳', 'anna', 'Émile', 'Bob', 'bob', '李雷', 'Zoë', 'anna'];
    for (const [index, name] of names.entries()) {
      await api.people.contacts.create({ name, lifecycle: LIFECYCLE_STAGES[index % 4] });
      await api.people.companies.create({ name: `${name} Ltd` });
    }
    // Ties on time: the id decides.
    sqlite.prepare('UPDATE contacts SET created_at = 1000 WHERE id % 2 = 0').run();
    const contacts = sqlite.prepare('SELECT id, sort_name, lifecycle, updated_at, created_at FROM contacts').all() as {
      id: number;
      sort_name: string;
      lifecycle: string;
      updated_at: number;
      created_at: number;
    }[];
    const contactKeys = {
      name: (row: (typeof contacts)[number]) => [row.sort_name],
      lifecycle: (row: (typeof contacts)[number]) => [LIFECYCLE_STAGES.indexOf(row.lifecycle as never), row.sort_name],
      updatedAt: (row: (typeof contacts)[number]) => [row.updated_at],
      createdAt: (row: (typeof contacts)[number]) => [row.created_at],
    };
    const queries = await capturePageQueries(sqlite, async () => {
      for (const [sort, key] of Object.entries(contactKeys)) {
        for (const order of BOTH) {
          const ids = await pagedIds((cursor) => api.people.contacts.list({ sort: sort as keyof typeof contactKeys, order, limit: 3, cursor }));
          expect(ids, `contacts by ${sort} ${order}`).toEqual(expectedOrder(contacts, key, order));
        }
      }
      const companies = sqlite.prepare('SELECT id, sort_name, updated_at, created_at FROM companies').all() as { id: number; sort_name: string; updated_at: number; created_at: number }[];
      for (const sort of ['name', 'updatedAt', 'createdAt'] as const) {
        for (const order of BOTH) {
          const key = (row: (typeof companies)[number]) => [sort === 'name' ? row.sort_name : sort === 'updatedAt' ? row.updated_at : row.created_at];
          const ids = await pagedIds((cursor) => api.people.companies.list({ sort, order, limit: 3, cursor }));
          expect(ids, `companies by ${sort} ${order}`).toEqual(expectedOrder(companies, key, order));
        }
      }
    });
    expect(queries.length).toBeGreaterThanOrEqual(14);
    for (const source of queries) {
      expect(planOf(sqlite, source), source).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('products sort by name, SKU and price both ways; orders by number, date, customer, total and status', async () => {
    const { api, sales, sqlite } = salesCore();
    const catalogue = [
      { sku: 'b-2', name: '紫砂壶', unitPriceMinor: 500 },
      { sku: 'A-1', name: 'green tea', unitPriceMinor: 100 },
      { sku: 'c-3', name: 'Black Tea', unitPriceMinor: 100 },
      { sku: 'B-1', name: 'cup', unitPriceMinor: 9_900 },
    ];
    const productIds: number[] = [];
    for (const product of catalogue) productIds.push((await sales.products.create({ ...product, currency: 'CNY' })).id);
    const contactA = await api.people.contacts.create({ name: 'Zhang Wei' });
    const contactB = await api.people.contacts.create({ name: 'anna' });
    const company = await api.people.companies.create({ name: 'Bakery' });
    const customers = [{ contactId: contactA.id }, { contactId: contactB.id }, { companyId: company.id }, { contactId: contactB.id }, { contactId: contactA.id }];
    for (const [index, customer] of customers.entries()) {
      const order = await sales.orders.create({
        kind: index === 2 ? 'quote' : 'order',
        ...customer,
        currency: 'CNY',
        lines: [{ productId: productIds[index % 4]!, description: 'x', quantity: 1 + (index % 3), unitPriceMinor: 1_000 }],
      });
      if (index === 3) await sales.orders.setStatus({ id: order.id, version: order.version, status: 'paid' });
    }
    sqlite.prepare('UPDATE orders SET issued_at = 1000 + (id % 2)').run();

    const products = sqlite.prepare('SELECT id, sort_name, sku, unit_price_minor FROM products').all() as { id: number; sort_name: string; sku: string; unit_price_minor: number }[];
    const productKeys = {
      name: (row: (typeof products)[number]) => [row.sort_name],
      sku: (row: (typeof products)[number]) => [row.sku.toLowerCase()],
      price: (row: (typeof products)[number]) => [row.unit_price_minor],
    };
    const orders = sqlite
      .prepare(
        `SELECT o.id, o.number, o.issued_at, o.total_minor, o.status, coalesce(c.sort_name, co.sort_name) AS customer
         FROM orders o LEFT JOIN contacts c ON c.id = o.contact_id LEFT JOIN companies co ON co.id = o.company_id`,
      )
      .all() as { id: number; number: string; issued_at: number; total_minor: number; status: string; customer: string }[];
    const statuses: readonly string[] = [...QUOTE_STATUSES, ...ORDER_STATUSES];
    const orderKeys = {
      number: (row: (typeof orders)[number]) => [row.number],
      issuedAt: (row: (typeof orders)[number]) => [row.issued_at],
      customer: (row: (typeof orders)[number]) => [row.customer],
      total: (row: (typeof orders)[number]) => [row.total_minor],
      status: (row: (typeof orders)[number]) => [statuses.indexOf(row.status)],
    };
    const queries = await capturePageQueries(sqlite, async () => {
      for (const [sort, key] of Object.entries(productKeys)) {
        for (const order of BOTH) {
          const ids = await pagedIds((cursor) => sales.products.list({ sort: sort as keyof typeof productKeys, order, limit: 3, cursor }));
          expect(ids, `products by ${sort} ${order}`).toEqual(expectedOrder(products, key, order));
        }
      }
      for (const [sort, key] of Object.entries(orderKeys)) {
        for (const order of BOTH) {
          const ids = await pagedIds((cursor) => sales.orders.list({ sort: sort as keyof typeof orderKeys, order, limit: 2, cursor }));
          expect(ids, `orders by ${sort} ${order}`).toEqual(expectedOrder(orders, key, order));
        }
      }
    });
    expect(queries.length).toBeGreaterThanOrEqual(16);
    for (const source of queries) {
      const plan = planOf(sqlite, source);
      // The customer is a joined name: no index of orders can serve it.
      if (source.includes('ORDER BY coalesce("c"."sort_name"')) continue;
      expect(plan, source).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });
});
