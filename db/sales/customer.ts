import type { z } from 'zod';
import { REVENUE_STATUSES, type CustomerSales, type Dependents, type customerRef } from '../contract/sales';
import { notFound } from '../errors';
import { statement } from '../read/statements';
import { liveDependents } from '../system/registry';
import type { Workspace } from '../workspace/open';
import { listDeals } from './deals';
import { orderRowSelect, toOrderRow, type OrderDbRow } from './orders';

type CustomerRef = z.output<typeof customerRef>;

/** How many of a customer's deals and orders the contact and company pages show. */
const CUSTOMER_PAGE_LIMIT = 200;
const REVENUE_PLACEHOLDERS = REVENUE_STATUSES.map(() => '?').join(', ');

function requireCustomer(workspace: Workspace, customer: CustomerRef): void {
  const table = customer.kind === 'contact' ? 'contacts' : 'companies';
  if (!statement(workspace.sqlite, `SELECT 1 FROM ${table} WHERE id = ?`).get(customer.id)) {
    throw notFound(customer.kind === 'contact' ? 'Contact' : 'Company', customer.id);
  }
}

/**
 * Where a customer's orders are read from (the orders table as `o`) and the conditions that pick
 * them. A company's business includes what its people bought in their own name: orders on the
 * company or on any of its live contacts. Those ids are gathered through the company and contact
 * indexes first (UNION: an order on both counts once); CROSS JOIN keeps SQLite from instead
 * walking every order in date order.
 */
function customerOrders(customer: CustomerRef): { source: string; where: string[]; params: number[] } {
  if (customer.kind === 'contact') return { source: 'orders o', where: ['o.contact_id = ?'], params: [customer.id] };
  return {
    source: `(SELECT id FROM orders WHERE company_id = ?
              UNION SELECT own.id FROM contacts staff JOIN orders own ON own.contact_id = staff.id
                    WHERE staff.company_id = ? AND staff.deleted_at IS NULL) mine
             CROSS JOIN orders o ON o.id = mine.id`,
    where: [],
    params: [customer.id, customer.id],
  };
}

/** The contact or company page's commercial summary: deals, orders (newest first) and lifetime revenue. */
export function customerSales(workspace: Workspace, customer: CustomerRef): CustomerSales {
  requireCustomer(workspace, customer);
  const { sqlite } = workspace;
  const owned = customerOrders(customer);
  const liveOrders = [...owned.where, 'o.deleted_at IS NULL'];
  const orderRows = statement(
    sqlite,
    `${orderRowSelect(owned.source)} WHERE ${liveOrders.join(' AND ')} ORDER BY o.issued_at DESC, o.id DESC LIMIT ?`,
  ).all(...owned.params, CUSTOMER_PAGE_LIMIT) as OrderDbRow[];
  // Revenue is what customers actually paid for: orders (never quotes) that are paid, shipped or
  // delivered, summed per currency because amounts in different currencies never add up.
  const revenue = statement(
    sqlite,
    `SELECT o.currency, sum(o.total_minor) AS amount_minor FROM ${owned.source}
     WHERE ${[...liveOrders, `o.kind = 'order'`, `o.status IN (${REVENUE_PLACEHOLDERS})`].join(' AND ')}
     GROUP BY o.currency ORDER BY amount_minor DESC, o.currency`,
  ).all(...owned.params, ...REVENUE_STATUSES) as { currency: string; amount_minor: number }[];
  const dealFilter = customer.kind === 'contact' ? { contactId: customer.id } : { companyId: customer.id };
  const deals = listDeals(workspace, { ...dealFilter, sort: 'updatedAt', order: 'desc', limit: CUSTOMER_PAGE_LIMIT });
  return {
    deals: deals.rows,
    orders: orderRows.map(toOrderRow),
    lifetimeRevenue: revenue.map((row) => ({ currency: row.currency, amountMinor: row.amount_minor })),
  };
}

/** Live records that point at a contact or company, so the UI can ask before it is deleted. */
export function dependents(workspace: Workspace, customer: CustomerRef): Dependents {
  requireCustomer(workspace, customer);
  const counts = liveDependents(workspace.reads, customer.kind, customer.id);
  return { deals: counts.deal ?? 0, orders: counts.order ?? 0, activities: counts.activity ?? 0, tasks: counts.task ?? 0 };
}
