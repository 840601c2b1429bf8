import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import { MAX_MINOR, computeLine, computeTotals, type LineAmounts, type LineDiscount, type OrderAmounts } from '../contract/money';
import {
  ORDER_STATUSES,
  QUOTE_STATUSES,
  REVENUE_STATUSES,
  STATUS_TRANSITIONS,
  type ORDER_KINDS,
  type Order,
  type OrderEvent,
  type OrderLine,
  type OrderRow,
  type OrderStatus,
  type orderCreate,
  type orderLineInput,
  type orderList,
  type orderSetStatus,
  type orderUpdate,
  type quoteConvert,
} from '../contract/sales';
import { RapportError, deletedConflict, notFound, validation } from '../errors';
import { recordLinks, recordMeta, type RecordLinksRow, type RecordMetaRow } from '../read/record-mapping';
import { promoteToCustomer } from './auto-customer';
import { pageOf, rankKey, rankOf, type KeyValue, type SortKey } from '../read/keyset';
import { leftJoin, listPage, listSource, pagingOf, type ListSpec } from '../read/list-page';
import { requireLive } from '../read/references';
import { statement } from '../read/statements';
import type { FieldChange, RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { sql } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { companies, contacts } from '../people/schema';
import type { Store } from '../workspace/store';
import { deals, orders } from './schema';

type OrderKind = (typeof ORDER_KINDS)[number];
type OrderCreate = z.output<typeof orderCreate>;
type OrderUpdate = z.output<typeof orderUpdate>;
type OrderStatusChange = z.output<typeof orderSetStatus>;
type QuoteConvert = z.output<typeof quoteConvert>;
type OrderListQuery = z.output<typeof orderList>;
type LineInput = z.output<typeof orderLineInput>;

const NUMBER_PREFIX: Record<OrderKind, string> = { quote: 'Q-', order: 'SO-' };
const NUMBER_DIGITS = 6;
const INITIAL_STATUS: Record<OrderKind, OrderStatus> = { quote: 'draft', order: 'placed' };
/** Lines stay editable until something binding happened: a quote until accepted, an order until paid or shipped. */
const EDITABLE_STATUSES: readonly OrderStatus[] = ['draft', 'sent', 'placed'];

/** A line as stored: what was asked for plus the amounts computed from it. */
interface StoredLine extends LineAmounts {
  productId: number | null;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discount: LineDiscount;
}

// ---- Reading ------------------------------------------------------------------------------------

export interface OrderDbRow extends RecordMetaRow, RecordLinksRow {
  kind: OrderKind;
  number: string;
  status: OrderStatus;
  currency: string;
  subtotal_minor: number;
  discount_minor: number;
  total_minor: number;
  issued_at: number;
  note: string | null;
  quote_id: number | null;
  converted_to_id: number | null;
}

const ORDER_ROW_COLUMNS = 'o.*, c.name AS contact_name, co.name AS company_name, d.title AS deal_title';
const orderRowJoins = (source: string) => `${source}
  LEFT JOIN contacts c ON c.id = o.contact_id
  LEFT JOIN companies co ON co.id = o.company_id
  LEFT JOIN deals d ON d.id = o.deal_id`;

/**
 * An order with the names the lists show, read from `source` (which must call the orders table `o`);
 * callers add WHERE and ORDER BY.
 */
export function orderRowSelect(source = 'orders o'): string {
  return `SELECT ${ORDER_ROW_COLUMNS}
  FROM ${orderRowJoins(source)}`;
}

const ORDER_ROW_SELECT = orderRowSelect();

export function toOrderRow(row: OrderDbRow): OrderRow {
  return {
    kind: row.kind,
    number: row.number,
    status: row.status,
    ...recordLinks(row),
    currency: row.currency,
    subtotalMinor: row.subtotal_minor,
    discountMinor: row.discount_minor,
    totalMinor: row.total_minor,
    issuedAt: row.issued_at,
    ...recordMeta(row),
  };
}

interface LineDbRow {
  id: number;
  position: number;
  product_id: number | null;
  product_sku: string | null;
  description: string;
  quantity: number;
  unit_price_minor: number;
  discount_type: LineDiscount['type'];
  discount_value: number;
  gross_minor: number;
  discount_minor: number;
  total_minor: number;
}

function discountFromColumns(type: LineDiscount['type'], value: number): LineDiscount {
  if (type === 'percent') return { type, basisPoints: value };
  if (type === 'amount') return { type, amountMinor: value };
  return { type: 'none' };
}

function discountColumns(discount: LineDiscount): { type: LineDiscount['type']; value: number } {
  if (discount.type === 'percent') return { type: discount.type, value: discount.basisPoints };
  if (discount.type === 'amount') return { type: discount.type, value: discount.amountMinor };
  return { type: 'none', value: 0 };
}

function readLines(sqlite: Database.Database, orderId: number): OrderLine[] {
  const rows = statement(
    sqlite,
    `SELECT l.*, p.sku AS product_sku FROM order_lines l LEFT JOIN products p ON p.id = l.product_id
     WHERE l.order_id = ? ORDER BY l.position`,
  ).all(orderId) as LineDbRow[];
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    productId: row.product_id,
    productSku: row.product_sku,
    description: row.description,
    quantity: row.quantity,
    unitPriceMinor: row.unit_price_minor,
    discount: discountFromColumns(row.discount_type, row.discount_value),
    grossMinor: row.gross_minor,
    discountMinor: row.discount_minor,
    totalMinor: row.total_minor,
  }));
}

function readEvents(sqlite: Database.Database, orderId: number): OrderEvent[] {
  const rows = statement(
    sqlite,
    `SELECT e.id, e.status, e.at, e.note, u.name AS user_name FROM order_events e LEFT JOIN users u ON u.id = e.user_id
     WHERE e.order_id = ? ORDER BY e.at, e.id`,
  ).all(orderId) as { id: number; status: OrderStatus; at: number; note: string | null; user_name: string | null }[];
  return rows.map((row) => ({ id: row.id, status: row.status, at: row.at, note: row.note, userName: row.user_name }));
}

/** Any quote or order, deleted or not, with its lines and status history. */
export function readOrder(sqlite: Database.Database, id: number): Order | undefined {
  const row = statement(sqlite, `${ORDER_ROW_SELECT} WHERE o.id = ?`).get(id) as OrderDbRow | undefined;
  if (!row) return undefined;
  return {
    ...toOrderRow(row),
    note: row.note,
    lines: readLines(sqlite, id),
    events: readEvents(sqlite, id),
    convertedToId: row.converted_to_id,
    quoteId: row.quote_id,
  };
}

export function getOrder(workspace: Workspace, id: number, options: { includeDeleted?: boolean } = {}): Order {
  const order = readOrder(workspace.sqlite, id);
  if (!order || (order.deletedAt !== null && !options.includeDeleted)) throw notFound('Order', id);
  return order;
}

// ---- Validation and pricing ----------------------------------------------------------------------

interface DealLink {
  liveContactId: number | null;
  liveCompanyId: number | null;
}

/**
 * Every reference must point at a live row (reported on its field). A deal fixes the currency: a
 * deal and its quotes and orders never mix currencies silently.
 */
function checkReferences(sqlite: Database.Database, input: Pick<OrderCreate, 'contactId' | 'companyId' | 'dealId' | 'currency'>): DealLink | null {
  requireLive(sqlite, 'contacts', input.contactId, 'contactId');
  requireLive(sqlite, 'companies', input.companyId, 'companyId');
  if (input.dealId === null) return null;
  const deal = statement(
    sqlite,
    `SELECT d.currency, d.deleted_at,
       (SELECT id FROM contacts WHERE id = d.contact_id AND deleted_at IS NULL) AS live_contact_id,
       (SELECT id FROM companies WHERE id = d.company_id AND deleted_at IS NULL) AS live_company_id
     FROM deals d WHERE d.id = ?`,
  ).get(input.dealId) as { currency: string; deleted_at: number | null; live_contact_id: number | null; live_company_id: number | null } | undefined;
  if (!deal || deal.deleted_at !== null) throw validation('dealId', `Deal ${input.dealId} does not exist`);
  if (deal.currency !== input.currency) {
    throw validation('currency', `The deal is in ${deal.currency}; its quotes and orders must be in ${deal.currency} too`);
  }
  return { liveContactId: deal.live_contact_id, liveCompanyId: deal.live_company_id };
}

/**
 * One line's amounts. Priced without the discount first, so an oversized line is reported on its
 * quantity and an oversized discount on the discount.
 */
function lineAmounts(line: LineInput, index: number): LineAmounts {
  try {
    computeLine(line.quantity, line.unitPriceMinor, { type: 'none' });
  } catch (error) {
    if (error instanceof RangeError) throw validation(`lines.${index}.quantity`, 'The line total is too large; lower the quantity or the price');
    throw error;
  }
  try {
    return computeLine(line.quantity, line.unitPriceMinor, line.discount);
  } catch (error) {
    if (error instanceof RangeError) throw validation(`lines.${index}.discount`, 'The discount is larger than the line');
    throw error;
  }
}

/**
 * Checks each line's product (live, on sale, same currency as the order) and computes the amounts.
 * Products in `productsAlreadyOnOrder` may stay on an order being edited even if no longer sold.
 */
function priceLines(
  sqlite: Database.Database,
  currency: string,
  lines: LineInput[],
  productsAlreadyOnOrder: ReadonlySet<number> = new Set(),
): { lines: StoredLine[]; totals: OrderAmounts } {
  const priced = lines.map((line, index): StoredLine => {
    if (line.productId !== null) {
      const product = statement(sqlite, 'SELECT name, currency, active, deleted_at FROM products WHERE id = ?').get(line.productId) as
        | { name: string; currency: string; active: number; deleted_at: number | null }
        | undefined;
      const path = `lines.${index}.productId`;
      if (!product || product.deleted_at !== null) throw validation(path, `Product ${line.productId} does not exist`);
      if (product.active !== 1 && !productsAlreadyOnOrder.has(line.productId)) throw validation(path, `${product.name} is no longer sold`);
      if (product.currency !== currency) {
        throw validation(path, `${product.name} is priced in ${product.currency}, but this is in ${currency}`);
      }
    }
    return {
      productId: line.productId,
      description: line.description,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      discount: line.discount,
      ...lineAmounts(line, index),
    };
  });
  const totals = computeTotals(priced);
  if (totals.subtotalMinor > MAX_MINOR) throw validation('lines', 'The total is too large; split it into several orders');
  return { lines: priced, totals };
}

/** What the audit log keeps of the lines: enough to see what changed, without ids. */
function lineSummaries(lines: StoredLine[]) {
  return lines.map(({ productId, description, quantity, unitPriceMinor, discount, totalMinor }) => ({
    productId,
    description,
    quantity,
    unitPriceMinor,
    discount,
    totalMinor,
  }));
}

function expectVersion(order: Order, version: number): void {
  if (order.version !== version) {
    throw new RapportError('CONFLICT', 'Someone else saved this record after you opened it.', { current: order });
  }
}

/** The order about to be edited; one someone else deleted meanwhile is a CONFLICT, as in the writer. */
function liveOrder(sqlite: Database.Database, id: number): Order {
  const order = readOrder(sqlite, id);
  if (!order) throw notFound('Order', id);
  if (order.deletedAt !== null) throw deletedConflict(order);
  return order;
}

function checkTransition(order: { kind: OrderKind; status: OrderStatus }, next: OrderStatus): void {
  const allowed = STATUS_TRANSITIONS[order.status];
  if (!allowed.includes(next)) {
    const options = allowed.length ? ` (it can become ${allowed.join(', ')})` : '';
    throw validation('status', `A ${order.status} ${order.kind} cannot become ${next}${options}`);
  }
}

// ---- Writing --------------------------------------------------------------------------------------

/**
 * The next number of a kind: max + 1 under the write lock. Reads only the unique number index (the
 * prefix range); CAST so that SO-1000000 follows SO-999999.
 */
function nextNumber(sqlite: Database.Database, kind: OrderKind): string {
  const prefix = NUMBER_PREFIX[kind];
  const rangeEnd = `${prefix.slice(0, -1)}.`; // '.' sorts right after '-', so this bounds every "Q-…"
  const { highest } = statement(
    sqlite,
    'SELECT max(CAST(substr(number, ?) AS INTEGER)) AS highest FROM orders WHERE number >= ? AND number < ?',
  ).get(prefix.length + 1, prefix, rangeEnd) as { highest: number | null };
  return `${prefix}${String((highest ?? 0) + 1).padStart(NUMBER_DIGITS, '0')}`;
}

function insertLines(sqlite: Database.Database, orderId: number, lines: StoredLine[]): void {
  const insert = statement(
    sqlite,
    `INSERT INTO order_lines (order_id, position, product_id, description, quantity, unit_price_minor,
       discount_type, discount_value, gross_minor, discount_minor, total_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((line, position) => {
    const discount = discountColumns(line.discount);
    insert.run(
      orderId,
      position,
      line.productId,
      line.description,
      line.quantity,
      line.unitPriceMinor,
      discount.type,
      discount.value,
      line.grossMinor,
      line.discountMinor,
      line.totalMinor,
    );
  });
}

/** Status history for the timeline: who changed it, when it happened (which may be earlier than now). */
function addEvent(writer: RecordWriter, orderId: number, status: OrderStatus, at: number, note: string | null): void {
  statement(writer.sqlite, 'INSERT INTO order_events (order_id, status, at, note, user_id) VALUES (?, ?, ?, ?, ?)').run(
    orderId,
    status,
    at,
    note,
    writer.workspace.userId || null,
  );
}

interface NewOrder {
  kind: OrderKind;
  contactId: number | null;
  companyId: number | null;
  dealId: number | null;
  currency: string;
  note: string | null;
  quoteId: number | null;
}

/** Inserts the order row, its lines and its first status event; the caller has validated everything. */
function insertOrder(writer: RecordWriter, order: NewOrder, lines: StoredLine[]): number {
  const totals = computeTotals(lines);
  const status = INITIAL_STATUS[order.kind];
  const id = writer.insert(
    orders,
    {
      kind: order.kind,
      number: nextNumber(writer.sqlite, order.kind),
      status,
      contactId: order.contactId,
      companyId: order.companyId,
      dealId: order.dealId,
      currency: order.currency,
      subtotalMinor: totals.subtotalMinor,
      discountMinor: totals.discountMinor,
      totalMinor: totals.totalMinor,
      issuedAt: writer.now,
      note: order.note,
      quoteId: order.quoteId,
    },
    { extraChanges: [{ field: 'lines', before: null, after: lineSummaries(lines) }] },
  );
  insertLines(writer.sqlite, id, lines);
  addEvent(writer, id, status, writer.now, null);
  return id;
}

/**
 * A quote or an order with its lines. On a deal without a customer named, the order is filed under
 * the deal's contact and company, so it shows on their pages and counts towards their revenue.
 */
export function createOrder(workspace: Workspace, input: OrderCreate): Order {
  const id = write(workspace, (writer) => placeOrder(writer, input));
  return getOrder(workspace, id);
}

/** The same, inside a transaction the caller runs (sample data, imports). */
export function placeOrder(writer: RecordWriter, input: OrderCreate): number {
  const deal = checkReferences(writer.sqlite, input);
  const { lines } = priceLines(writer.sqlite, input.currency, input.lines);
  const customerGiven = input.contactId !== null || input.companyId !== null;
  return insertOrder(
    writer,
    {
      kind: input.kind,
      contactId: customerGiven ? input.contactId : (deal?.liveContactId ?? null),
      companyId: customerGiven ? input.companyId : (deal?.liveCompanyId ?? null),
      dealId: input.dealId,
      currency: input.currency,
      note: input.note,
      quoteId: null,
    },
    lines,
  );
}

/** Replaces the note and/or the lines (recomputing the totals) while the quote or order is still editable. */
export function updateOrder(workspace: Workspace, input: OrderUpdate): Order {
  write(workspace, (writer) => {
    const { sqlite } = writer;
    const order = liveOrder(sqlite, input.id);
    expectVersion(order, input.version);
    if (!EDITABLE_STATUSES.includes(order.status)) {
      throw validation('status', `A ${order.status} ${order.kind} can no longer be edited`);
    }
    const patch: Partial<typeof orders.$inferInsert> = {};
    const extraChanges: FieldChange[] = [];
    let newLines: StoredLine[] | null = null;
    if (input.patch.lines !== undefined) {
      const productsOnOrder = new Set(order.lines.flatMap((line) => (line.productId === null ? [] : [line.productId])));
      const priced = priceLines(sqlite, order.currency, input.patch.lines, productsOnOrder);
      const before = lineSummaries(order.lines);
      const after = lineSummaries(priced.lines);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        newLines = priced.lines;
        extraChanges.push({ field: 'lines', before, after });
        Object.assign(patch, priced.totals);
      }
    }
    if (input.patch.note !== undefined) patch.note = input.patch.note;
    writer.update(orders, input.id, input.version, patch, { extraChanges, describeCurrent: (id) => readOrder(sqlite, id) });
    if (newLines) {
      statement(sqlite, 'DELETE FROM order_lines WHERE order_id = ?').run(input.id);
      insertLines(sqlite, input.id, newLines);
    }
  });
  return getOrder(workspace, input.id);
}

/** One status step along STATUS_TRANSITIONS, dated, recorded in the status history and the audit log. */
export function setOrderStatus(workspace: Workspace, input: OrderStatusChange): Order {
  write(workspace, (writer) => changeOrderStatus(writer, input));
  return getOrder(workspace, input.id);
}

/** The same, inside a transaction the caller runs; returns the new version. */
export function changeOrderStatus(writer: RecordWriter, input: OrderStatusChange): number {
  const { sqlite } = writer;
  const order = liveOrder(sqlite, input.id);
  // The version first: a stale screen gets CONFLICT with the current state, not a confusing transition error.
  expectVersion(order, input.version);
  if (input.status === 'converted') throw validation('status', 'Convert the quote to turn it into an order');
  checkTransition(order, input.status);
  const version = writer.update(orders, order.id, order.version, { status: input.status }, { describeCurrent: (id) => readOrder(sqlite, id) });
  addEvent(writer, order.id, input.status, input.at ?? writer.now, input.note);
  // The first step into revenue (paid, or shipped straight from placed) makes the buyer a customer.
  if (REVENUE_STATUSES.includes(input.status) && !REVENUE_STATUSES.includes(order.status)) {
    promoteToCustomer(writer, order.contactId, { kind: 'order', id: order.id, label: order.number, event: input.status as 'paid' | 'shipped' | 'delivered' });
  }
  return version;
}

/**
 * Turns a quote into an order with the same customer, deal, currency and lines, in one transaction.
 * Converting a quote that was not yet marked accepted records the acceptance too (the customer
 * accepted it by ordering), so the history follows STATUS_TRANSITIONS step by step.
 */
export function convertQuote(workspace: Workspace, input: QuoteConvert): Order {
  const orderId = write(workspace, (writer) => {
    const { sqlite } = writer;
    const quote = liveOrder(sqlite, input.id);
    expectVersion(quote, input.version);
    if (quote.kind !== 'quote') throw validation('id', `${quote.number} is already an order`);
    // The order must not point at a customer or deal that went to the Trash, nor mix currencies with its deal.
    checkReferences(sqlite, quote);
    const steps: OrderStatus[] = quote.status === 'accepted' ? ['converted'] : ['accepted', 'converted'];
    let from: OrderStatus = quote.status;
    for (const step of steps) {
      checkTransition({ kind: 'quote', status: from }, step);
      from = step;
    }
    const newOrderId = insertOrder(
      writer,
      {
        kind: 'order',
        contactId: quote.contactId,
        companyId: quote.companyId,
        dealId: quote.dealId,
        currency: quote.currency,
        note: quote.note,
        quoteId: quote.id,
      },
      quote.lines,
    );
    writer.update(orders, quote.id, quote.version, { status: 'converted', convertedToId: newOrderId }, { describeCurrent: (id) => readOrder(sqlite, id) });
    const newNumber = (statement(sqlite, 'SELECT number FROM orders WHERE id = ?').get(newOrderId) as { number: string }).number;
    for (const step of steps) addEvent(writer, quote.id, step, writer.now, step === 'converted' ? newNumber : null);
    return newOrderId;
  });
  return getOrder(workspace, orderId);
}

// ---- Listing --------------------------------------------------------------------------------------

const ALL_STATUSES = [...QUOTE_STATUSES, ...ORDER_STATUSES];

const o = alias(orders, 'o');
const c = alias(contacts, 'c');
const co = alias(companies, 'co');
const d = alias(deals, 'd');

/** Whom the list shows as the customer (contact, else company, else deal); one with none sorts last ascending. */
const customerSort = sql<string>`coalesce(${c.sortName}, ${co.sortName}, ${d.sortTitle}, char(1114111))`;

/** The quotes and orders list's rows: the fields of `OrderRow` by name, and the customer it sorts by. */
const orderListSource = listSource({
  table: orders,
  as: o,
  id: o.id,
  joins: [
    leftJoin(contacts, c, sql`${c.id} = ${o.contactId}`),
    leftJoin(companies, co, sql`${co.id} = ${o.companyId}`),
    leftJoin(deals, d, sql`${d.id} = ${o.dealId}`),
  ],
  columns: {
    id: o.id,
    kind: o.kind,
    number: o.number,
    status: o.status,
    contactId: o.contactId,
    contactName: c.name,
    companyId: o.companyId,
    companyName: co.name,
    dealId: o.dealId,
    dealTitle: d.title,
    currency: o.currency,
    subtotalMinor: o.subtotalMinor,
    discountMinor: o.discountMinor,
    totalMinor: o.totalMinor,
    issuedAt: o.issuedAt,
    customerSort,
    version: o.version,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    createdBy: o.createdBy,
    updatedBy: o.updatedBy,
    deletedAt: o.deletedAt,
  },
});

type OrderListRow = ReturnType<typeof orderListSource.decode>;

const SORT_KEYS: Record<OrderListQuery['sort'], { keys: SortKey[]; values: (row: OrderListRow) => KeyValue[] }> = {
  issuedAt: { keys: [o.issuedAt, o.id], values: (row) => [row.issuedAt, row.id] },
  number: { keys: [o.number, o.id], values: (row) => [row.number, row.id] },
  total: { keys: [o.totalMinor, o.id], values: (row) => [row.totalMinor, row.id] },
  // In the order of the journey (draft → … → converted, placed → paid → … → cancelled).
  status: { keys: [rankKey(o.status, ALL_STATUSES), o.id], values: (row) => [rankOf(row.status, ALL_STATUSES), row.id] },
  // A joined name: no index of `orders` can serve it (a temp B-tree over the filtered orders).
  customer: { keys: [customerSort, o.id], values: (row) => [row.customerSort, row.id] },
};

/** The quotes and orders list as `listPage` runs it; exported so plan tests explain the very queries the list runs. */
export function orderListSpec(query: OrderListQuery): ListSpec<OrderListRow> {
  const where = [sql`${o.deletedAt} IS NULL`];
  const equal = (column: SQLiteColumn, value: string | number | undefined) => {
    if (value !== undefined) where.push(sql`${column} = ${value}`);
  };
  equal(o.kind, query.kind);
  equal(o.status, query.status);
  equal(o.contactId, query.contactId);
  equal(o.companyId, query.companyId);
  equal(o.dealId, query.dealId);
  return { source: orderListSource, where, ...pagingOf(query, SORT_KEYS[query.sort].keys) };
}

/** Quotes and orders, newest first unless asked otherwise. */
export function listOrders(store: Store, query: OrderListQuery): Page<OrderRow> {
  const page = listPage(store.reads, orderListSpec(query));
  const { pageRows, nextCursor } = pageOf(page.rows, query.limit, SORT_KEYS[query.sort].values);
  return {
    rows: pageRows.map(({ customerSort: _customerSort, kind, status, ...row }) => ({ ...row, kind: kind as OrderKind, status: status as OrderStatus })),
    nextCursor,
    total: page.total,
    totalAtLeast: page.totalAtLeast,
  };
}
