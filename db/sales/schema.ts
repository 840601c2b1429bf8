import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { companies, contacts } from '../people/schema';
import { ORDER_STATUSES, QUOTE_STATUSES, type Deal, type StageKind } from '../contract/sales';
import { rankSql } from '../read/keyset';
import { withDerivedColumns } from '../write/derived-columns';
import { ownedColumns, recordColumns } from '../system/schema';

export const pipelines = sqliteTable('pipelines', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  ...recordColumns(),
});

export const stages = sqliteTable(
  'stages',
  {
    id: integer('id').primaryKey(),
    pipelineId: integer('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind').$type<StageKind>().notNull().default('open'),
    ...recordColumns(),
  },
  (table) => [
    index('stages_pipeline_idx').on(table.pipelineId, table.position),
    check('stages_kind_check', sql`${table.kind} in ('open','won','lost')`),
    check('stages_probability_check', sql`${table.probability} between 0 and 100`),
  ],
);

export const deals = withDerivedColumns(
  sqliteTable(
    'deals',
    {
      id: integer('id').primaryKey(),
      title: text('title').notNull(),
      sortTitle: text('sort_title').notNull(),
      contactId: integer('contact_id').references(() => contacts.id),
      companyId: integer('company_id').references(() => companies.id),
      amountMinor: integer('amount_minor').notNull().default(0),
      currency: text('currency').notNull(),
      expectedCloseDate: text('expected_close_date'),
      ...ownedColumns(),
      source: text('source').$type<Deal['source']>(),
      sourceCampaignId: integer('source_campaign_id'),
      pipelineId: integer('pipeline_id')
        .notNull()
        .references(() => pipelines.id),
      stageId: integer('stage_id')
        .notNull()
        .references(() => stages.id),
      /** Denormalized from the stage (open/won/lost) so boards and forecasts filter on an index. */
      status: text('status').$type<StageKind>().notNull().default('open'),
      probabilityOverride: integer('probability_override'),
      lostReason: text('lost_reason'),
      closedAt: integer('closed_at'),
      description: text('description'),
      ...recordColumns(),
    },
    (table) => [
      // Column totals come from this index alone; cards from the next one, already in close-date order.
      index('deals_board_idx').on(table.pipelineId, table.deletedAt, table.stageId, table.currency, table.amountMinor, table.probabilityOverride),
      // Open columns list soonest close first (undated last), closed columns most recently closed first.
      index('deals_open_cards_idx').on(table.stageId, table.deletedAt, sql`coalesce(${table.expectedCloseDate}, '9999-12-31')`, table.id),
      index('deals_closed_cards_idx').on(table.stageId, table.deletedAt, table.closedAt, table.id),
      // A closed column of one close month: that column's month of deals, sorted by when they closed.
      index('deals_closed_month_idx').on(table.stageId, table.deletedAt, table.expectedCloseDate),
      index('deals_close_idx').on(table.status, table.expectedCloseDate),
      index('deals_closed_at_idx').on(table.status, table.closedAt),
      index('deals_contact_idx').on(table.contactId),
      index('deals_company_idx').on(table.companyId),
      index('deals_owner_idx').on(table.ownerId),
      index('deals_private_idx').on(table.ownerId).where(sql`${table.isPrivate} = 1`),
      index('deals_updated_idx').on(table.deletedAt, table.updatedAt, table.id),
      index('deals_title_idx').on(table.deletedAt, table.sortTitle, table.id),
      // The deals list's other sorts of live deals; the expression must be the list's sort key.
      index('deals_amount_idx').on(table.deletedAt, table.amountMinor, table.id),
      index('deals_expected_close_idx').on(table.deletedAt, sql`coalesce(${table.expectedCloseDate}, '9999-12-31')`, table.id),
      check('deals_status_check', sql`${table.status} in ('open','won','lost')`),
      check('deals_amount_check', sql`${table.amountMinor} >= 0`),
      check('deals_probability_check', sql`${table.probabilityOverride} is null or ${table.probabilityOverride} between 0 and 100`),
    ],
  ),
  ['sortTitle'],
);

/** Entered/left each stage: time-in-stage and cycle length come from here. */
export const dealStageHistory = sqliteTable(
  'deal_stage_history',
  {
    id: integer('id').primaryKey(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    stageId: integer('stage_id')
      .notNull()
      .references(() => stages.id),
    enteredAt: integer('entered_at').notNull(),
    leftAt: integer('left_at'),
    userId: integer('user_id'),
  },
  (table) => [index('deal_stage_history_deal_idx').on(table.dealId, table.enteredAt)],
);

export const products = withDerivedColumns(
  sqliteTable(
    'products',
    {
      id: integer('id').primaryKey(),
      sku: text('sku').notNull(),
      name: text('name').notNull(),
      sortName: text('sort_name').notNull(),
      unitPriceMinor: integer('unit_price_minor').notNull(),
      costMinor: integer('cost_minor'),
      currency: text('currency').notNull(),
      category: text('category'),
      active: integer('active', { mode: 'boolean' }).notNull().default(true),
      ...recordColumns(),
    },
    (table) => [
      uniqueIndex('products_sku_idx').on(sql`lower(${table.sku})`),
      index('products_name_idx').on(table.deletedAt, table.sortName, table.id),
      index('products_sku_sort_idx').on(table.deletedAt, sql`lower(${table.sku})`, table.id),
      index('products_price_idx').on(table.deletedAt, table.unitPriceMinor, table.id),
    ],
  ),
  ['sortName'],
);

/** Quotes and orders share one table: a quote converts into an order with the same lines. */
export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    contactId: integer('contact_id').references(() => contacts.id),
    companyId: integer('company_id').references(() => companies.id),
    dealId: integer('deal_id').references(() => deals.id),
    currency: text('currency').notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    issuedAt: integer('issued_at').notNull(),
    note: text('note'),
    quoteId: integer('quote_id'),
    convertedToId: integer('converted_to_id'),
    ...recordColumns(),
  },
  (table) => [
    uniqueIndex('orders_number_idx').on(table.number),
    index('orders_contact_idx').on(table.contactId, table.issuedAt),
    index('orders_company_idx').on(table.companyId, table.issuedAt),
    index('orders_deal_idx').on(table.dealId),
    index('orders_issued_idx').on(table.deletedAt, table.issuedAt, table.id),
    index('orders_number_sort_idx').on(table.deletedAt, table.number, table.id),
    index('orders_total_idx').on(table.deletedAt, table.totalMinor, table.id),
    // The status column sorts in the journey's order; this expression must be the list's (rankSql).
    index('orders_status_rank_idx').on(table.deletedAt, sql.raw(rankSql('status', [...QUOTE_STATUSES, ...ORDER_STATUSES])), table.id),
    check('orders_kind_check', sql`${table.kind} in ('quote','order')`),
    check(
      'orders_status_check',
      sql`${table.status} in ('draft','sent','accepted','declined','converted','placed','paid','shipped','delivered','returned','cancelled')`,
    ),
    check('orders_totals_check', sql`${table.totalMinor} = ${table.subtotalMinor} - ${table.discountMinor} and ${table.totalMinor} >= 0`),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: integer('product_id').references(() => products.id),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    discountType: text('discount_type').notNull().default('none'),
    /** Basis points for percent, minor units for amount, 0 for none. */
    discountValue: integer('discount_value').notNull().default(0),
    grossMinor: integer('gross_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
  },
  (table) => [
    index('order_lines_order_idx').on(table.orderId, table.position),
    index('order_lines_product_idx').on(table.productId),
    check('order_lines_discount_check', sql`${table.discountType} in ('none','percent','amount')`),
    check('order_lines_quantity_check', sql`${table.quantity} > 0`),
  ],
);

/** Dated status changes of quotes and orders (placed → paid → shipped → delivered; returned). */
export const orderEvents = sqliteTable(
  'order_events',
  {
    id: integer('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    at: integer('at').notNull(),
    note: text('note'),
    userId: integer('user_id'),
  },
  (table) => [index('order_events_order_idx').on(table.orderId, table.at)],
);
