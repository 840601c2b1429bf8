import { describe, expect, it } from 'vitest';
import { expectIndexed, usePlanWorkspace } from '../test-support/query-plans';
import { customerOrderRowsQuery, customerRevenueQuery } from './customer';
import { highestNumberQuery, lineProductsQuery, orderEventsQuery, orderLinesQuery, orderQuery } from './orders';
import { productQuery, skuTakenQuery } from './products';

/**
 * The query plans of an order page, the number allocator, a product page, the product lookup of a
 * new line and a customer's orders: the production queries themselves, on a seeded file that never
 * had ANALYZE. Each reads through an index; none reads a table whole or sorts in a temp B-tree.
 */

const plans = usePlanWorkspace();

describe('order and product query plans without ANALYZE', () => {
  it('an order page: the order with its customer and deal names by primary key, its lines and events through their order index', () => {
    const order = expectIndexed(plans.sqlite, orderQuery(plans.reads, 42), 'order with names');
    expect(order).toMatch(/SEARCH orders USING INTEGER PRIMARY KEY/);
    for (const joined of ['contacts', 'companies', 'deals']) expect(order).toMatch(new RegExp(`SEARCH ${joined} USING INTEGER PRIMARY KEY`));

    const lines = expectIndexed(plans.sqlite, orderLinesQuery(plans.reads, 42), 'order lines with product SKUs');
    expect(lines).toMatch(/SEARCH order_lines USING INDEX order_lines_order_idx \(order_id=\?\)/);
    expect(lines).toMatch(/SEARCH products USING INTEGER PRIMARY KEY/);

    const events = expectIndexed(plans.sqlite, orderEventsQuery(plans.reads, 42), 'order events with user names');
    expect(events).toMatch(/SEARCH order_events USING INDEX order_events_order_idx \(order_id=\?\)/);
  });

  it('the next number reads only the number index, within the kind’s prefix', () => {
    for (const kind of ['quote', 'order'] as const) {
      const plan = expectIndexed(plans.sqlite, highestNumberQuery(plans.reads, kind), `highest ${kind} number`);
      expect(plan).toMatch(/SEARCH orders USING COVERING INDEX orders_number_idx \(number>\? AND number<\?\)/);
    }
  });

  it('a product page, its SKU check and the product lookup of new lines go by key', () => {
    expect(expectIndexed(plans.sqlite, productQuery(plans.reads, 7), 'product page')).toMatch(/SEARCH products USING INTEGER PRIMARY KEY/);
    expect(expectIndexed(plans.sqlite, skuTakenQuery(plans.reads, 'TEA-001', 7), 'SKU taken')).toMatch(/SEARCH products USING INDEX products_sku_idx/);
    const lookup = expectIndexed(plans.sqlite, lineProductsQuery(plans.reads, [3, 1, 2]), 'products of the lines');
    expect(lookup).toMatch(/SEARCH products USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });

  it('a customer’s orders and revenue start from the customer’s index, a company’s through its own and its people’s', () => {
    const contact = expectIndexed(plans.sqlite, customerOrderRowsQuery(plans.reads, { kind: 'contact', id: 5 }), 'contact orders');
    expect(contact).toMatch(/SEARCH orders USING INDEX orders_contact_idx \(contact_id=\?\)/);
    expectIndexed(plans.sqlite, customerRevenueQuery(plans.reads, { kind: 'contact', id: 5 }), 'contact revenue', { sortedInTemp: true });

    // A company's orders are gathered first (`mine`: its own and its people's, through their indexes), then sorted.
    const gathered = { sortedInTemp: true, small: ['mine'] };
    const company = expectIndexed(plans.sqlite, customerOrderRowsQuery(plans.reads, { kind: 'company', id: 5 }), 'company orders', gathered);
    expect(company).toMatch(/orders_company_idx/);
    expect(company).toMatch(/orders_contact_idx/);
    expect(company).not.toMatch(/orders_issued_idx/);
    expectIndexed(plans.sqlite, customerRevenueQuery(plans.reads, { kind: 'company', id: 5 }), 'company revenue', gathered);
  });
});
