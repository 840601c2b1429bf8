import { and, asc, eq, gte, inArray, isNull, lt, sql, type Placeholder } from 'drizzle-orm';
import { type SQLiteSelect, alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import { MAX_MINOR, computeLine, computeTotals, type LineAmounts, type LineDiscount, type OrderAmounts } from '../contract/money';
import { ORDER_STATUSES, QUOTE_STATUSES, REVENUE_STATUSES, STATUS_TRANSITIONS, type ORDER_KINDS, type Order, type OrderLine, type OrderRow, type OrderStatus, type orderCreate, type orderLineInput, type orderList, type orderSetStatus, type orderUpdate, type quoteConvert } from '../contract/sales';
import { RapportError, deletedConflict, notFound, validation } from '../errors';
import { companies, contacts } from '../people/schema';
import { promoteToCustomer } from './auto-customer';
import { pageOf, rankOf, type KeyValue, rankKey, type SortKey } from '../read/keyset';
import { listPage, type ListSpec, pagingOf, leftJoin, listSource } from '../read/list-page';
import { oncePerConnection, type Reads } from '../read/reads';
import { requireLive } from '../read/references';
import { mayReach } from '../read/visibility';
import { users } from '../system/schema';
import { defineChildRows, type ChildReplacement } from '../write/child-rows';
import type { RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { deals, orderEvents, orderLines, orders, products } from './schema';

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

/**
 * An order with its customer's and deal's names, as the order and customer pages show it (select it
 * through `withOrderNames`; a name is null where the order has no such link). Kind and status are
 * text held to the contract's values by CHECK constraints, so they are typed as those values here.
 */
export const orderRowFields = {
  id: orders.id,
  kind: sql<OrderKind>`${orders.kind}`,
  number: orders.number,
  status: sql<OrderStatus>`${orders.status}`,
  contactId: orders.contactId,
  contactName: contacts.name,
  companyId: orders.companyId,
  companyName: companies.name,
  dealId: orders.dealId,
  dealTitle: deals.title,
  currency: orders.currency,
  subtotalMinor: orders.subtotalMinor,
  discountMinor: orders.discountMinor,
  totalMinor: orders.totalMinor,
  issuedAt: orders.issuedAt,
  version: orders.version,
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
  createdBy: orders.createdBy,
  updatedBy: orders.updatedBy,
  deletedAt: orders.deletedAt,
};

/** Joins what `orderRowFields` names to a query over `orders`. */
export function withOrderNames<T extends SQLiteSelect>(query: T) {
  return query
    .leftJoin(contacts, eq(contacts.id, orders.contactId))
    .leftJoin(companies, eq(companies.id, orders.companyId))
    .leftJoin(deals, eq(deals.id, orders.dealId));
}

/** An id given when a query runs (a placeholder of a prepared query) or built in (plan tests). */
type Id = number | Placeholder;

/** The order page's own row; exported, like the two below, so the plan test explains these very queries. */
export function orderQuery(reads: Reads, id: Id) {
  const fields = { ...orderRowFields, note: orders.note, quoteId: orders.quoteId, convertedToId: orders.convertedToId };
  return withOrderNames(reads.db.select(fields).from(orders).$dynamic()).where(eq(orders.id, id));
}

export function orderLinesQuery(reads: Reads, orderId: Id) {
  return reads.db
    .select({
      id: orderLines.id,
      position: orderLines.position,
      productId: orderLines.productId,
      productSku: products.sku,
      description: orderLines.description,
      quantity: orderLines.quantity,
      unitPriceMinor: orderLines.unitPriceMinor,
      discountType: orderLines.discountType,
      discountValue: orderLines.discountValue,
      grossMinor: orderLines.grossMinor,
      discountMinor: orderLines.discountMinor,
      totalMinor: orderLines.totalMinor,
    })
    .from(orderLines)
    .leftJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
}

/** Status history in the order it happened (an event may be dated earlier than the ones before it). */
export function orderEventsQuery(reads: Reads, orderId: Id) {
  return reads.db
    .select({ id: orderEvents.id, status: sql<OrderStatus>`${orderEvents.status}`, at: orderEvents.at, note: orderEvents.note, userName: users.name })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.userId))
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id));
}

function discountFromColumns(type: string, value: number): LineDiscount {
  if (type === 'percent') return { type, basisPoints: value };
  if (type === 'amount') return { type, amountMinor: value };
  return { type: 'none' };
}

function discountColumns(discount: LineDiscount): { discountType: LineDiscount['type']; discountValue: number } {
  if (discount.type === 'percent') return { discountType: discount.type, discountValue: discount.basisPoints };
  if (discount.type === 'amount') return { discountType: discount.type, discountValue: discount.amountMinor };
  return { discountType: 'none', discountValue: 0 };
}

/** Every read of an order (pages, CONFLICTs, edits) runs these three: prepared once per connection. */
const orderPage = oncePerConnection((reads) => {
  const id = sql.placeholder('id');
  return { order: orderQuery(reads, id).prepare(), lines: orderLinesQuery(reads, id).prepare(), events: orderEventsQuery(reads, id).prepare() };
});

/** Any quote or order, deleted or not, with its lines and status history. */
export function readOrder(reads: Reads, id: number): Order | undefined {
  const queries = orderPage(reads);
  const row = queries.order.get({ id });
  // An order of a private customer or deal is as private as they are.
  if (!row || !mayReach(reads, row, reads.viewer)) return undefined;
  const lines: OrderLine[] = queries.lines
    .all({ id })
    .map(({ discountType, discountValue, ...line }) => ({ ...line, discount: discountFromColumns(discountType, discountValue) }));
  return { ...row, lines, events: queries.events.all({ id }) };
}

export function getOrder(store: Store, id: number, options: { includeDeleted?: boolean } = {}): Order {
  const order = readOrder(store.reads, id);
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
function checkReferences(reads: Reads, input: Pick<OrderCreate, 'contactId' | 'companyId' | 'dealId' | 'currency'>): DealLink | null {
  requireLive(reads, 'contacts', input.contactId, 'contactId');
  requireLive(reads, 'companies', input.companyId, 'companyId');
  if (input.dealId === null) return null;
  // The deal's customer, where still live: an order on the deal alone is filed under them.
  const deal = reads.db
    .select({ currency: deals.currency, deletedAt: deals.deletedAt, liveContactId: contacts.id, liveCompanyId: companies.id })
    .from(deals)
    .leftJoin(contacts, and(eq(contacts.id, deals.contactId), isNull(contacts.deletedAt)))
    .leftJoin(companies, and(eq(companies.id, deals.companyId), isNull(companies.deletedAt)))
    .where(eq(deals.id, input.dealId))
    .get();
  if (!deal || deal.deletedAt !== null) throw validation('dealId', `Deal ${input.dealId} does not exist`);
  if (deal.currency !== input.currency) {
    throw validation('currency', `The deal is in ${deal.currency}; its quotes and orders must be in ${deal.currency} too`);
  }
  return { liveContactId: deal.liveContactId, liveCompanyId: deal.liveCompanyId };
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

/** The products named on the lines, all in one query (one id array parameter, so one statement for any number of lines). */
export function lineProductsQuery(reads: Reads, productIds: number[]) {
  return reads.db
    .select({ id: products.id, name: products.name, currency: products.currency, active: products.active, deletedAt: products.deletedAt })
    .from(products)
    .where(inArray(products.id, sql`(SELECT value FROM json_each(${JSON.stringify(productIds)}))`));
}

/**
 * Checks each line's product (live, on sale, same currency as the order) and computes the amounts.
 * Products in `productsAlreadyOnOrder` may stay on an order being edited even if no longer sold.
 */
function priceLines(
  reads: Reads,
  currency: string,
  lines: LineInput[],
  productsAlreadyOnOrder: ReadonlySet<number> = new Set(),
): { lines: StoredLine[]; totals: OrderAmounts } {
  const productIds = [...new Set(lines.flatMap((line) => (line.productId === null ? [] : [line.productId])))];
  const productsById = new Map(productIds.length ? lineProductsQuery(reads, productIds).all().map((product) => [product.id, product]) : []);
  const priced = lines.map((line, index): StoredLine => {
    if (line.productId !== null) {
      const product = productsById.get(line.productId);
      const path = `lines.${index}.productId`;
      if (!product || product.deletedAt !== null) throw validation(path, `Product ${line.productId} does not exist`);
      if (!product.active && !productsAlreadyOnOrder.has(line.productId)) throw validation(path, `${product.name} is no longer sold`);
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

/**
 * An order's lines, written with the order and shown in its audit entry as what a person needs to
 * see what changed: product, description, quantity, price, discount and total, without ids.
 */
const lineRows = defineChildRows({
  table: orderLines,
  parent: 'orderId',
  field: 'lines',
  position: 'position',
  describe: (rows) =>
    rows.map((row) => ({
      productId: row.productId ?? null,
      description: row.description,
      quantity: row.quantity,
      unitPriceMinor: row.unitPriceMinor,
      discount: discountFromColumns(row.discountType ?? 'none', row.discountValue ?? 0),
      totalMinor: row.totalMinor,
    })),
});

/** Dated status changes: each is recorded by the order's own audited update of its status. */
const eventRows = defineChildRows({ table: orderEvents, parent: 'orderId', field: 'events' });

/** The order's lines become exactly `lines` (with `insert`/`update`'s `children`). */
function linesReplacement(lines: StoredLine[]) {
  return lineRows.replace(
    lines.map(({ productId, description, quantity, unitPriceMinor, discount, grossMinor, discountMinor, totalMinor }) => ({
      productId,
      description,
      quantity,
      unitPriceMinor,
      ...discountColumns(discount),
      grossMinor,
      discountMinor,
      totalMinor,
    })),
  );
}

function expectVersion(order: Order, version: number): void {
  if (order.version !== version) {
    throw new RapportError('CONFLICT', 'Someone else saved this record after you opened it.', { current: order });
  }
}

/** The order about to be edited; one someone else deleted meanwhile is a CONFLICT, as in the writer. */
function liveOrder(reads: Reads, id: number): Order {
  const order = readOrder(reads, id);
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
 * The highest number of a kind. Reads only the unique number index (the prefix range); CAST so that
 * SO-1000000 follows SO-999999. Exported so the plan test explains this very query.
 */
export function highestNumberQuery(reads: Reads, kind: OrderKind) {
  const prefix = NUMBER_PREFIX[kind];
  const rangeEnd = `${prefix.slice(0, -1)}.`; // '.' sorts right after '-', so this bounds every "Q-…"
  return reads.db
    .select({ highest: sql<number | null>`max(CAST(substr(${orders.number}, ${prefix.length + 1}) AS INTEGER))` })
    .from(orders)
    .where(and(gte(orders.number, prefix), lt(orders.number, rangeEnd)));
}

const highestNumber = oncePerConnection((reads) => ({ quote: highestNumberQuery(reads, 'quote').prepare(), order: highestNumberQuery(reads, 'order').prepare() }));

/** The next number of a kind: max + 1, read inside the write transaction, so under the write lock. */
function nextNumber(writer: RecordWriter, kind: OrderKind): string {
  const highest = highestNumber(writer.reads)[kind].get()?.highest ?? 0;
  return `${NUMBER_PREFIX[kind]}${String(highest + 1).padStart(NUMBER_DIGITS, '0')}`;
}

/** Status history for the timeline: who changed it, when it happened (which may be earlier than now). */
function addEvent(writer: RecordWriter, orderId: number, status: OrderStatus, at: number, note: string | null): void {
  writer.appendChild(eventRows, orderId, { status, at, note, userId: writer.userId });
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
function insertOrder(writer: RecordWriter, order: NewOrder, lines: StoredLine[]): { id: number; number: string } {
  const totals = computeTotals(lines);
  const status = INITIAL_STATUS[order.kind];
  const number = nextNumber(writer, order.kind);
  const id = writer.insert(
    orders,
    {
      kind: order.kind,
      number,
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
    { children: [linesReplacement(lines)] },
  );
  addEvent(writer, id, status, writer.now, null);
  return { id, number };
}

/**
 * A quote or an order with its lines. On a deal without a customer named, the order is filed under
 * the deal's contact and company, so it shows on their pages and counts towards their revenue.
 */
export function createOrder(store: Store, input: OrderCreate): Order {
  const id = write(store, (writer) => placeOrder(writer, input));
  return getOrder(store, id);
}

/** The same, inside a transaction the caller runs (sample data, imports). */
export function placeOrder(writer: RecordWriter, input: OrderCreate): number {
  const deal = checkReferences(writer.reads, input);
  const { lines } = priceLines(writer.reads, input.currency, input.lines);
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
  ).id;
}

/** Replaces the note and/or the lines (recomputing the totals) while the quote or order is still editable. */
export function updateOrder(store: Store, input: OrderUpdate): Order {
  write(store, (writer) => {
    const { reads } = writer;
    const order = liveOrder(reads, input.id);
    expectVersion(order, input.version);
    if (!EDITABLE_STATUSES.includes(order.status)) {
      throw validation('status', `A ${order.status} ${order.kind} can no longer be edited`);
    }
    const patch: Partial<typeof orders.$inferInsert> = {};
    const children: ChildReplacement[] = [];
    if (input.patch.lines !== undefined) {
      const productsOnOrder = new Set(order.lines.flatMap((line) => (line.productId === null ? [] : [line.productId])));
      const priced = priceLines(reads, order.currency, input.patch.lines, productsOnOrder);
      // Unchanged lines leave the totals as they are, and the writer leaves the rows alone.
      Object.assign(patch, priced.totals);
      children.push(linesReplacement(priced.lines));
    }
    if (input.patch.note !== undefined) patch.note = input.patch.note;
    writer.update(orders, input.id, input.version, patch, { children, describeCurrent: (id) => readOrder(reads, id) });
  });
  return getOrder(store, input.id);
}

/** One status step along STATUS_TRANSITIONS, dated, recorded in the status history and the audit log. */
export function setOrderStatus(store: Store, input: OrderStatusChange): Order {
  write(store, (writer) => changeOrderStatus(writer, input));
  return getOrder(store, input.id);
}

/** The same, inside a transaction the caller runs; returns the new version. */
export function changeOrderStatus(writer: RecordWriter, input: OrderStatusChange): number {
  const { reads } = writer;
  const order = liveOrder(reads, input.id);
  // The version first: a stale screen gets CONFLICT with the current state, not a confusing transition error.
  expectVersion(order, input.version);
  if (input.status === 'converted') throw validation('status', 'Convert the quote to turn it into an order');
  checkTransition(order, input.status);
  const version = writer.update(orders, order.id, order.version, { status: input.status }, { describeCurrent: (id) => readOrder(reads, id) });
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
export function convertQuote(store: Store, input: QuoteConvert): Order {
  const orderId = write(store, (writer) => {
    const { reads } = writer;
    const quote = liveOrder(reads, input.id);
    expectVersion(quote, input.version);
    if (quote.kind !== 'quote') throw validation('id', `${quote.number} is already an order`);
    // The order must not point at a customer or deal that went to the Trash, nor mix currencies with its deal.
    checkReferences(reads, quote);
    const steps: OrderStatus[] = quote.status === 'accepted' ? ['converted'] : ['accepted', 'converted'];
    let from: OrderStatus = quote.status;
    for (const step of steps) {
      checkTransition({ kind: 'quote', status: from }, step);
      from = step;
    }
    const newOrder = insertOrder(
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
    writer.update(orders, quote.id, quote.version, { status: 'converted', convertedToId: newOrder.id }, { describeCurrent: (id) => readOrder(reads, id) });
    for (const step of steps) addEvent(writer, quote.id, step, writer.now, step === 'converted' ? newOrder.number : null);
    return newOrder.id;
  });
  return getOrder(store, orderId);
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
  belongsTo: { contactId: orders.contactId, companyId: orders.companyId, dealId: orders.dealId },
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
