import { z } from 'zod';
import { cursor, exactTotal, id, isPrivate, isoDate, wholeNumber, optionalText, pageLimit, requiredText, sortDirection, version, type RecordLinks, type RecordMeta } from './common';
import { currencyCode, lineDiscount, minorAmount, MAX_QUANTITY, type LineDiscount } from './money';
import { contactSource, type CONTACT_SOURCES } from './people';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

const nullableId = id.nullish().transform((value) => value ?? null);
const probability = wholeNumber(0, 100);

// ---- Pipelines and stages ------------------------------------------------------------------

export const stageInput = z.object({
  name: requiredText(60),
  probability,
  kind: z.enum(STAGE_KINDS).default('open'),
});

export const pipelineCreate = z.object({
  name: requiredText(80),
  stages: z
    .array(stageInput)
    .min(2)
    .max(20)
    .refine((stages) => stages.some((stage) => stage.kind === 'won') && stages.some((stage) => stage.kind === 'lost'), {
      message: 'A pipeline needs at least one won and one lost stage',
    }),
});

export const pipelineRename = z.object({ id, version, name: requiredText(80) });

export const stageCreate = z.object({ pipelineId: id, ...stageInput.shape });
export const stageUpdate = z.object({
  id,
  version,
  patch: z.object({ name: requiredText(60), probability, kind: z.enum(STAGE_KINDS) }).partial(),
});
/** The full new order of a pipeline's stages. */
export const stageReorder = z.object({ pipelineId: id, /** The pipeline's version the new order was made from. */ version, stageIds: z.array(id).min(1).max(20) });
export const stageRemove = z.object({ id, version });

export interface Stage {
  id: number;
  pipelineId: number;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
  version: number;
}

export interface Pipeline extends RecordMeta {
  name: string;
  isDefault: boolean;
  stages: Stage[];
}

// ---- Deals ----------------------------------------------------------------------------------

const dealFields = {
  title: requiredText(200),
  contactId: nullableId,
  companyId: nullableId,
  amountMinor: minorAmount,
  currency: currencyCode,
  expectedCloseDate: isoDate.nullish().transform((value) => value ?? null),
  ownerId: nullableId,
  isPrivate,
  source: contactSource.nullish().transform((value) => value ?? null),
  sourceCampaignId: nullableId,
  stageId: id,
  /** Overrides the stage's default probability; null means "use the stage's". */
  probability: probability.nullish().transform((value) => value ?? null),
  description: optionalText(20_000),
};

export const dealCreate = z.object({ ...dealFields, amountMinor: minorAmount.default(0), isPrivate: isPrivate.default(false) });
export type DealCreateInput = z.input<typeof dealCreate>;

/** Stage changes go through dealMove (stage history, won/lost rules), not through update. */
export const dealUpdate = z.object({
  id,
  version,
  patch: z.object(dealFields).omit({ stageId: true }).partial(),
});

export const dealMove = z.object({
  id,
  version,
  stageId: id,
  /** Required when the target stage is a lost stage. */
  lostReason: optionalText(500),
});

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export const dealSortFields = ['title', 'amount', 'expectedClose', 'updatedAt'] as const;

export const dealFilter = z.object({
  pipelineId: id.optional(),
  stageId: id.optional(),
  status: z.enum(DEAL_STATUSES).optional(),
  ownerId: id.optional(),
  /** Expected close month, YYYY-MM. */
  closeMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use the format YYYY-MM')
    .optional(),
  contactId: id.optional(),
  companyId: id.optional(),
  search: z.string().trim().max(200).optional(),
});

export const dealList = dealFilter.extend({
  sort: z.enum(dealSortFields).default('updatedAt'),
  /** Named `order`, not `direction`: tRPC's infinite queries add their own `direction`. */
  order: sortDirection.default('desc'),
  limit: pageLimit,
  cursor: cursor.optional(),
  exactTotal,
});
export type DealListInput = z.input<typeof dealList>;

export interface DealRow extends RecordMeta {
  title: string;
  contactId: number | null;
  contactName: string | null;
  companyId: number | null;
  companyName: string | null;
  amountMinor: number;
  currency: string;
  expectedCloseDate: string | null;
  ownerId: number | null;
  ownerName: string | null;
  /** Seen only by its owner and by managers and owners of the workspace. */
  isPrivate: boolean;
  pipelineId: number;
  stageId: number;
  stageName: string;
  stageKind: StageKind;
  /** The effective probability: the deal's override or its stage's. */
  probability: number;
  weightedMinor: number;
}

export interface StageVisit {
  stageId: number;
  stageName: string;
  enteredAt: number;
  leftAt: number | null;
}

export interface Deal extends DealRow {
  source: (typeof CONTACT_SOURCES)[number] | null;
  sourceCampaignId: number | null;
  probabilityOverride: number | null;
  lostReason: string | null;
  closedAt: number | null;
  description: string | null;
  stageHistory: StageVisit[];
}

export const bulkDeals = z.object({ ids: z.array(id).min(1).max(10_000) });
export const bulkDealOwner = bulkDeals.extend({ ownerId: nullableId });

// ---- Board and forecast -----------------------------------------------------------------------

export const boardInput = z.object({
  pipelineId: id,
  ownerId: id.optional(),
  closeMonth: dealFilter.shape.closeMonth,
  /** Cards per column; totals always cover every matching deal. */
  cardsPerColumn: z.number().int().min(1).max(500).default(100),
});

export interface MoneyTotal {
  currency: string;
  amountMinor: number;
  weightedMinor: number;
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  /** One total per currency present (the workspace currency first). */
  totals: MoneyTotal[];
  deals: DealRow[];
}

export interface Board {
  pipeline: Pipeline;
  columns: BoardColumn[];
}

export const forecastInput = z.object({
  pipelineId: id.optional(),
  ownerId: id.optional(),
  /** First and last month, YYYY-MM, inclusive. */
  from: dealFilter.shape.closeMonth.unwrap(),
  to: dealFilter.shape.closeMonth.unwrap(),
});

export interface ForecastMonth {
  month: string;
  currency: string;
  /** Open deals expected to close that month, weighted by probability. */
  weightedMinor: number;
  openMinor: number;
  openCount: number;
  /** Deals won that month. */
  wonMinor: number;
  wonCount: number;
}

export interface ForecastOwner {
  ownerId: number | null;
  ownerName: string | null;
  currency: string;
  weightedMinor: number;
  wonMinor: number;
}

export interface Forecast {
  months: ForecastMonth[];
  owners: ForecastOwner[];
}

// ---- Leads ------------------------------------------------------------------------------------

/** One step from a lead (a contact in the lead stage) to a deal. */
export const leadConvert = z.object({
  contactId: id,
  contactVersion: version,
  title: optionalText(200),
  amountMinor: minorAmount.default(0),
  currency: currencyCode.optional(),
  pipelineId: id.optional(),
  expectedCloseDate: isoDate.nullish().transform((value) => value ?? null),
});

// ---- Products ---------------------------------------------------------------------------------

const productFields = {
  sku: requiredText(64),
  name: requiredText(200),
  unitPriceMinor: minorAmount,
  costMinor: minorAmount.nullish().transform((value) => value ?? null),
  currency: currencyCode,
  category: optionalText(100),
  active: z.boolean(),
};

export const productCreate = z.object({ ...productFields, active: productFields.active.default(true) });
export const productUpdate = z.object({ id, version, patch: z.object(productFields).partial() });
export const productSortFields = ['name', 'sku', 'price'] as const;
export const productList = z.object({
  search: z.string().trim().max(200).optional(),
  active: z.boolean().optional(),
  category: z.string().trim().max(100).optional(),
  sort: z.enum(productSortFields).default('name'),
  order: sortDirection.default('asc'),
  limit: pageLimit,
  cursor: cursor.optional(),
  exactTotal,
});
export type ProductListInput = z.input<typeof productList>;

export interface Product extends RecordMeta {
  sku: string;
  name: string;
  unitPriceMinor: number;
  costMinor: number | null;
  currency: string;
  category: string | null;
  active: boolean;
}

// ---- Quotes and orders --------------------------------------------------------------------------

export const ORDER_KINDS = ['quote', 'order'] as const;
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'converted'] as const;
export const ORDER_STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'returned', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number] | (typeof QUOTE_STATUSES)[number];

/** Which status may follow which; anything else is refused with VALIDATION. */
export const STATUS_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['sent', 'accepted', 'declined'],
  sent: ['accepted', 'declined'],
  accepted: ['converted', 'declined'],
  declined: ['draft'],
  converted: [],
  placed: ['paid', 'shipped', 'cancelled'],
  paid: ['shipped', 'delivered', 'returned'],
  shipped: ['delivered', 'returned'],
  delivered: ['returned'],
  returned: [],
  cancelled: [],
};

/** Orders in these statuses count as revenue; returned and cancelled do not. */
export const REVENUE_STATUSES: readonly OrderStatus[] = ['paid', 'shipped', 'delivered'];

export const orderLineInput = z.object({
  productId: nullableId,
  description: requiredText(300),
  quantity: wholeNumber(1, MAX_QUANTITY),
  unitPriceMinor: minorAmount,
  discount: lineDiscount.default({ type: 'none' }),
});
export type OrderLineInput = z.input<typeof orderLineInput>;

const orderFields = {
  contactId: nullableId,
  companyId: nullableId,
  dealId: nullableId,
  currency: currencyCode,
  note: optionalText(5000),
  lines: z.array(orderLineInput).min(1, 'Add at least one line').max(500),
};

const needsCustomer = (value: { contactId: number | null; companyId: number | null; dealId: number | null }) =>
  value.contactId !== null || value.companyId !== null || value.dealId !== null;

export const orderCreate = z
  .object({ kind: z.enum(ORDER_KINDS), ...orderFields })
  .refine(needsCustomer, { message: 'Choose a customer or a deal', path: ['contactId'] });
export type OrderCreateInput = z.input<typeof orderCreate>;

/** Lines and note can change while a quote is not converted and an order is still placed. */
export const orderUpdate = z.object({
  id,
  version,
  patch: z.object({ note: orderFields.note, lines: orderFields.lines }).partial(),
});

export const orderSetStatus = z.object({
  id,
  version,
  status: z.enum([...QUOTE_STATUSES, ...ORDER_STATUSES] as [OrderStatus, ...OrderStatus[]]),
  /** When it happened (defaults to now); lets a shop record yesterday's delivery. */
  at: z.number().int().min(0).optional(),
  note: optionalText(500),
});

export const quoteConvert = z.object({ id, version });

export const orderSortFields = ['number', 'issuedAt', 'customer', 'total', 'status'] as const;
export const orderList = z.object({
  kind: z.enum(ORDER_KINDS).optional(),
  status: z.string().max(20).optional(),
  contactId: id.optional(),
  companyId: id.optional(),
  dealId: id.optional(),
  sort: z.enum(orderSortFields).default('issuedAt'),
  order: sortDirection.default('desc'),
  limit: pageLimit,
  cursor: cursor.optional(),
  exactTotal,
});
export type OrderListInput = z.input<typeof orderList>;

export interface OrderLine {
  id: number;
  position: number;
  productId: number | null;
  productSku: string | null;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discount: LineDiscount;
  grossMinor: number;
  discountMinor: number;
  totalMinor: number;
}

export interface OrderEvent {
  id: number;
  status: OrderStatus;
  at: number;
  note: string | null;
  userName: string | null;
}

export interface OrderRow extends RecordMeta, RecordLinks {
  kind: (typeof ORDER_KINDS)[number];
  /** Q-000123 for quotes, SO-000123 for orders. */
  number: string;
  status: OrderStatus;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  issuedAt: number;
}

export interface Order extends OrderRow {
  note: string | null;
  lines: OrderLine[];
  events: OrderEvent[];
  /** For a converted quote: the order it became; for an order: the quote it came from. */
  convertedToId: number | null;
  quoteId: number | null;
}

// ---- A customer's commercial summary ------------------------------------------------------------

export const customerRef = z.object({ kind: z.enum(['contact', 'company']), id });

export interface CustomerSales {
  deals: DealRow[];
  orders: OrderRow[];
  /** Paid, shipped and delivered orders, per currency. */
  lifetimeRevenue: { currency: string; amountMinor: number }[];
}

/** What still points at a contact or company, so the UI can ask before deleting it. */
export interface Dependents {
  deals: number;
  orders: number;
  activities: number;
  tasks: number;
}

