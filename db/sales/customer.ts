import { and, asc, desc, eq, inArray, isNull, sql, type Placeholder } from 'drizzle-orm';
import { alias, union } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { REVENUE_STATUSES, type CustomerSales, type Dependents, type customerRef } from '../contract/sales';
import { notFound } from '../errors';
import { companies, contacts } from '../people/schema';
import { oncePerConnection, type Reads } from '../read/reads';
import { liveDependents } from '../system/registry';
import { present, visibleRow } from '../read/visibility';
import type { Store } from '../workspace/store';
import { listDeals } from './deals';
import { orderRowFields, withOrderNames } from './orders';
import { orders } from './schema';

type CustomerRef = z.output<typeof customerRef>;
/** A customer whose id is given when the query runs (a placeholder of a prepared query) or built in (plan tests). */
type Customer = { kind: CustomerRef['kind']; id: number | Placeholder };

/** How many of a customer's deals and orders the contact and company pages show. */
const CUSTOMER_PAGE_LIMIT = 200;

function requireCustomer(reads: Reads, customer: CustomerRef): void {
  const table = customer.kind === 'contact' ? contacts : companies;
  if (!reads.db.select({ id: table.id }).from(table).where(and(eq(table.id, customer.id), ...present([visibleRow(table.id, table, reads.viewer)]))).get()) {
    throw notFound(customer.kind === 'contact' ? 'Contact' : 'Company', customer.id);
  }
}

const staff = alias(contacts, 'staff');
const staffOrders = alias(orders, 'staff_orders');

/**
 * A company's business includes what its people bought in their own name: orders on the company or
 * on any of its live contacts. Those ids are gathered through the company and contact indexes first
 * (UNION: an order on both counts once); the queries below CROSS JOIN them to `orders`, which keeps
 * SQLite from instead walking every order in date order.
 */
function companyOrderIds(reads: Reads, companyId: number | Placeholder) {
  return union(
    reads.db.select({ id: orders.id }).from(orders).where(eq(orders.companyId, companyId)),
    reads.db
      .select({ id: staffOrders.id })
      .from(staff)
      .innerJoin(staffOrders, eq(staffOrders.contactId, staff.id))
      .where(and(eq(staff.companyId, companyId), isNull(staff.deletedAt))),
  ).as('mine');
}

/** The customer page's live orders, newest first; exported, like the revenue below, so plan tests explain these very queries. */
export function customerOrderRowsQuery(reads: Reads, customer: Customer) {
  const newestFirst = [desc(orders.issuedAt), desc(orders.id)];
  if (customer.kind === 'contact') {
    return withOrderNames(reads.db.select(orderRowFields).from(orders).$dynamic())
      .where(and(eq(orders.contactId, customer.id), isNull(orders.deletedAt)))
      .orderBy(...newestFirst)
      .limit(CUSTOMER_PAGE_LIMIT);
  }
  const mine = companyOrderIds(reads, customer.id);
  return withOrderNames(reads.db.select(orderRowFields).from(mine).crossJoin(orders).$dynamic())
    .where(and(eq(orders.id, mine.id), isNull(orders.deletedAt)))
    .orderBy(...newestFirst)
    .limit(CUSTOMER_PAGE_LIMIT);
}

/**
 * Revenue is what customers actually paid for: orders (never quotes) that are paid, shipped or
 * delivered, summed per currency because amounts in different currencies never add up.
 */
export function customerRevenueQuery(reads: Reads, customer: Customer) {
  const amountMinor = sql<number>`sum(${orders.totalMinor})`;
  const fields = { currency: orders.currency, amountMinor };
  const paidFor = and(isNull(orders.deletedAt), eq(orders.kind, 'order'), inArray(orders.status, [...REVENUE_STATUSES]));
  const byAmount = [desc(amountMinor), asc(orders.currency)];
  if (customer.kind === 'contact') {
    return reads.db
      .select(fields)
      .from(orders)
      .where(and(eq(orders.contactId, customer.id), paidFor))
      .groupBy(orders.currency)
      .orderBy(...byAmount);
  }
  const mine = companyOrderIds(reads, customer.id);
  return reads.db
    .select(fields)
    .from(mine)
    .crossJoin(orders)
    .where(and(eq(orders.id, mine.id), paidFor))
    .groupBy(orders.currency)
    .orderBy(...byAmount);
}

/** Contact and company pages run these on every open: prepared once per connection. */
const customerQueries = oncePerConnection((reads) => {
  const id = sql.placeholder('id');
  const prepared = (kind: CustomerRef['kind']) => ({
    orders: customerOrderRowsQuery(reads, { kind, id }).prepare(),
    revenue: customerRevenueQuery(reads, { kind, id }).prepare(),
  });
  return { contact: prepared('contact'), company: prepared('company') };
});

/** The contact or company page's commercial summary: deals, orders (newest first) and lifetime revenue. */
export function customerSales(store: Store, customer: CustomerRef): CustomerSales {
  const { reads } = store;
  requireCustomer(reads, customer);
  const queries = customerQueries(reads)[customer.kind];
  const dealFilter = customer.kind === 'contact' ? { contactId: customer.id } : { companyId: customer.id };
  const deals = listDeals(store, { ...dealFilter, sort: 'updatedAt', order: 'desc', limit: CUSTOMER_PAGE_LIMIT });
  return {
    deals: deals.rows,
    orders: queries.orders.all({ id: customer.id }),
    lifetimeRevenue: queries.revenue.all({ id: customer.id }),
  };
}

/** Live records that point at a contact or company, so the UI can ask before it is deleted. */
export function dependents(store: Store, customer: CustomerRef): Dependents {
  requireCustomer(store.reads, customer);
  const counts = liveDependents(store.reads, customer.kind, customer.id);
  return { deals: counts.deal ?? 0, orders: counts.order ?? 0, activities: counts.activity ?? 0, tasks: counts.task ?? 0 };
}
