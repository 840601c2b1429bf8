import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { type SQLiteColumn, alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { Deal, DealRow, dealCreate, dealFilter, dealList, dealMove, dealUpdate } from '../contract/sales';
import { notFound, validation } from '../errors';
import { companies, contacts } from '../people/schema';
import { prerendered, type Reads } from '../read/reads';
import { canSee, checkPrivacy, checkPrivacyChange, linkedName, privateOwnerOf } from '../read/visibility';
import type { Viewer } from '../read/viewer';
import { promoteToCustomer } from './auto-customer';
import { pageOf, type KeyValue, type SortKey } from '../read/keyset';
import { requireLive } from '../read/references';
import { listPage, type ListSpec, pagingOf, innerJoin, leftJoin, listSource } from '../read/list-page';
import { normalizeText } from '../search/text';
import { users } from '../system/schema';
import { defineChildRows } from '../write/child-rows';
import type { RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { readStage } from './pipelines';
import { dealStageHistory, deals, orders, stages } from './schema';

type DealListQuery = z.output<typeof dealList>;
type DealFilter = z.output<typeof dealFilter>;

/** Weighted amount in exact integers: amount × the effective probability / 100, halves rounded up. */
export const weightedAmount = sql<number>`(${deals.amountMinor} * coalesce(${deals.probabilityOverride}, ${stages.probability}) + 50) / 100`;

/** The row type of a selection: each column's type (null unless declared not null), or the type a `sql<T>` gives. */
export type Selected<Columns> = {
  [K in keyof Columns]: Columns[K] extends SQL<infer T>
    ? T
    : Columns[K] extends SQLiteColumn
      ? Columns[K]['_']['notNull'] extends true
        ? Columns[K]['_']['data']
        : Columns[K]['_']['data'] | null
      : never;
};

/** `column AS "name", …`: rows come from SQLite already shaped as the API's, with no per-field mapping. */
export function selectList(columns: Record<string, SQLiteColumn | SQL>): SQL {
  return sql.join(
    Object.entries(columns).map(([name, column]) => sql`${column} AS ${sql.identifier(name)}`),
    sql`, `,
  );
}


/** A deal as a row of the board (and the start of its page): its columns with the names it shows. */
const dealRowColumns = {
  id: deals.id,
  title: deals.title,
  contactId: deals.contactId,
  // Left-joined: null when the deal has none.
  contactName: sql<string | null>`${contacts.name}`,
  contactPrivateOwner: privateOwnerOf(contacts),
  companyId: deals.companyId,
  companyName: sql<string | null>`${companies.name}`,
  companyPrivateOwner: privateOwnerOf(companies),
  amountMinor: deals.amountMinor,
  currency: deals.currency,
  expectedCloseDate: deals.expectedCloseDate,
  ownerId: deals.ownerId,
  ownerName: sql<string | null>`${users.name}`,
  // Read through the `sql` template, not the builder: SQLite's 0/1, which each reader maps.
  isPrivate: sql<0 | 1>`${deals.isPrivate}`,
  pipelineId: deals.pipelineId,
  stageId: deals.stageId,
  stageName: stages.name,
  stageKind: stages.kind,
  // The effective probability: the deal's override, else its stage's.
  probability: sql<number>`coalesce(${deals.probabilityOverride}, ${stages.probability})`,
  weightedMinor: weightedAmount,
  version: deals.version,
  createdAt: deals.createdAt,
  updatedAt: deals.updatedAt,
  createdBy: deals.createdBy,
  updatedBy: deals.updatedBy,
  deletedAt: deals.deletedAt,
};

const dealColumns = {
  ...dealRowColumns,
  source: deals.source,
  sourceCampaignId: deals.sourceCampaignId,
  probabilityOverride: deals.probabilityOverride,
  lostReason: deals.lostReason,
  closedAt: deals.closedAt,
  description: deals.description,
};

/** The joins that give a deal row its stage and the names it shows. */
const DEAL_JOINS = sql`${deals} JOIN ${stages} ON ${stages.id} = ${deals.stageId}
  LEFT JOIN ${contacts} ON ${contacts.id} = ${deals.contactId}
  LEFT JOIN ${companies} ON ${companies.id} = ${deals.companyId}
  LEFT JOIN ${users} ON ${users.id} = ${deals.ownerId}`;

export type SelectedDealRow = Selected<typeof dealRowColumns>;

type LinkMarkers = 'contactPrivateOwner' | 'companyPrivateOwner';

/**
 * A deal row as read through `DEAL_ROWS`, with SQLite's 0/1 flag as the API's boolean, and the names
 * of its contact and company blanked where they are private records `viewer` may not see.
 */
export function dealRowOf<Row extends SelectedDealRow>(row: Row, viewer: Viewer): Omit<Row, 'isPrivate' | LinkMarkers> & { isPrivate: boolean } {
  const { contactPrivateOwner, companyPrivateOwner, ...fields } = row;
  return {
    ...fields,
    contactName: linkedName(row.contactName, contactPrivateOwner, viewer),
    companyName: linkedName(row.companyName, companyPrivateOwner, viewer),
    isPrivate: row.isPrivate === 1,
  };
}

/** Deals as rows (the board's cards): `SELECT … FROM … JOIN …`, to which callers add WHERE/ORDER/LIMIT. */
export const DEAL_ROWS = prerendered(sql`SELECT ${selectList(dealRowColumns)} FROM ${DEAL_JOINS}`);
const DEAL_PAGE = prerendered(sql`SELECT ${selectList(dealColumns)} FROM ${DEAL_JOINS} WHERE ${deals.id} = `);

/** A deal's page: exported so the plan tests explain this very query. */
export function dealQuery(id: number): SQL<Selected<typeof dealColumns>> {
  return sql<Selected<typeof dealColumns>>`${DEAL_PAGE}${id}`;
}

const stageVisitColumns = { stageId: dealStageHistory.stageId, stageName: stages.name, enteredAt: dealStageHistory.enteredAt, leftAt: dealStageHistory.leftAt };
const STAGE_HISTORY = prerendered(
  sql`SELECT ${selectList(stageVisitColumns)} FROM ${dealStageHistory} JOIN ${stages} ON ${stages.id} = ${dealStageHistory.stageId} WHERE ${dealStageHistory.dealId} = `,
);
const STAGE_HISTORY_ORDER = prerendered(sql` ORDER BY ${dealStageHistory.enteredAt}, ${dealStageHistory.id}`);

/** A deal's stages in the order it went through them: exported so the plan tests explain this very query. */
export function stageHistoryQuery(dealId: number): SQL<Selected<typeof stageVisitColumns>> {
  return sql<Selected<typeof stageVisitColumns>>`${STAGE_HISTORY}${dealId}${STAGE_HISTORY_ORDER}`;
}

/**
 * A deal's stage history is a log: each entry is written with the deal's own audited update (the
 * stage change it records), so the entries add no audit of their own.
 */
export const dealStageVisits = defineChildRows({ table: dealStageHistory, parent: 'dealId', field: 'stageHistory' });

export function readDeal(reads: Reads, id: number): Deal | undefined {
  const row = reads.get(dealQuery(id));
  if (!row) return undefined;
  const deal = dealRowOf(row, reads.viewer);
  if (!canSee(deal, reads.viewer)) return undefined;
  return { ...deal, stageHistory: reads.all(stageHistoryQuery(id)) };
}

export function getDeal(store: Store, id: number): Deal {
  const deal = readDeal(store.reads, id);
  if (!deal || deal.deletedAt !== null) throw notFound('Deal', id);
  return deal;
}

/** A deal is found by its title while it is live. */
export function reindexDeal(writer: RecordWriter, id: number): void {
  const row = writer.bookkeepingReads.db.select({ title: deals.title, deletedAt: deals.deletedAt }).from(deals).where(eq(deals.id, id)).get();
  if (!row || row.deletedAt !== null) writer.unindex('deal', id);
  else writer.index('deal', id, [row.title]);
}

function checkDealReferences(reads: Reads, input: Partial<z.output<typeof dealCreate>>): void {
  requireLive(reads, 'contacts', input.contactId, 'contactId');
  requireLive(reads, 'companies', input.companyId, 'companyId');
  requireLive(reads, 'users', input.ownerId, 'ownerId');
  requireLive(reads, 'campaigns', input.sourceCampaignId, 'sourceCampaignId');
}

/** A deal and its quotes/orders share one currency; changing it while orders exist would mix them. */
function checkCurrencyAgainstOrders(reads: Reads, dealId: number, currency: string): void {
  const other = reads.db
    .select({ currency: orders.currency })
    .from(orders)
    .where(and(eq(orders.dealId, dealId), isNull(orders.deletedAt), ne(orders.currency, currency)))
    .limit(1)
    .get();
  if (other) throw validation('currency', `This deal has orders in ${other.currency}; a deal and its orders share one currency`);
}

export function createDeal(store: Store, input: z.output<typeof dealCreate>): Deal {
  const id = write(store, (writer) => insertDeal(writer, input));
  return getDeal(store, id);
}

export function insertDeal(writer: RecordWriter, input: z.output<typeof dealCreate>): number {
  const { reads } = writer;
  checkDealReferences(reads, input);
  checkPrivacy(reads.viewer, input);
  const stage = readStage(reads, input.stageId);
  if (!stage) throw validation('stageId', `Stage ${input.stageId} does not exist`);
  const { stageId, probability, ...fields } = input;
  const id = writer.insert(deals, {
    ...fields,
    sortTitle: normalizeText(input.title),
    pipelineId: stage.pipelineId,
    stageId,
    status: stage.kind,
    probabilityOverride: probability,
    closedAt: stage.kind === 'open' ? null : writer.now,
  });
  writer.appendChild(dealStageVisits, id, { stageId, enteredAt: writer.now, userId: writer.userId });
  reindexDeal(writer, id);
  if (stage.kind === 'won') promoteToCustomer(writer, input.contactId, { kind: 'deal', id, label: input.title, event: 'won' });
  return id;
}

export function updateDeal(store: Store, input: z.output<typeof dealUpdate>): Deal {
  write(store, (writer) => {
    const { probability, ...patch } = input.patch;
    const before = writer.read(deals, input.id);
    if (!before) throw notFound('Deal', input.id);
    checkDealReferences(writer.reads, patch);
    checkPrivacyChange(writer.reads.viewer, before, patch);
    if (patch.currency) checkCurrencyAgainstOrders(writer.reads, input.id, patch.currency);
    writer.update(
      deals,
      input.id,
      input.version,
      {
        ...patch,
        ...(patch.title !== undefined ? { sortTitle: normalizeText(patch.title) } : {}),
        ...(probability !== undefined ? { probabilityOverride: probability } : {}),
      },
      { describeCurrent: (id) => readDeal(writer.reads, id) },
    );
    reindexDeal(writer, input.id);
  });
  return getDeal(store, input.id);
}

/**
 * Moves a deal to another stage of its pipeline: closes the open stage-history row, opens a new one,
 * and keeps status/closed_at/lost reason in step. A lost stage needs a reason.
 */
export function moveDeal(store: Store, input: z.output<typeof dealMove>): Deal {
  write(store, (writer) => {
    const { reads } = writer;
    const current = readDeal(reads, input.id);
    if (!current) throw notFound('Deal', input.id);
    const target = readStage(reads, input.stageId);
    if (!target || target.pipelineId !== current.pipelineId) throw validation('stageId', 'Choose a stage of the deal’s own pipeline');
    if (target.kind === 'lost' && !input.lostReason) throw validation('lostReason', 'Say why the deal was lost');
    writer.update(
      deals,
      input.id,
      input.version,
      {
        stageId: target.id,
        status: target.kind,
        lostReason: target.kind === 'lost' ? input.lostReason : null,
        closedAt: target.kind === 'open' ? null : current.stageId === target.id ? current.closedAt : writer.now,
      },
      { describeCurrent: (id) => readDeal(reads, id) },
    );
    if (current.stageId !== target.id) {
      writer.updateChildren(dealStageVisits, input.id, { leftAt: writer.now }, isNull(dealStageHistory.leftAt));
      writer.appendChild(dealStageVisits, input.id, { stageId: target.id, enteredAt: writer.now, userId: writer.userId });
    }
    if (target.kind === 'won' && current.stageKind !== 'won') {
      promoteToCustomer(writer, current.contactId, { kind: 'deal', id: current.id, label: current.title, event: 'won' });
    }
  });
  return getDeal(store, input.id);
}

/** '2026-12' → '2027-01-01': the exclusive upper bound of a month of ISO dates. */
export function nextMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
}

const d = alias(deals, 'd');
const s = alias(stages, 's');
const c = alias(contacts, 'c');
const co = alias(companies, 'co');
const u = alias(users, 'u');

const effectiveProbability = sql<number>`coalesce(${d.probabilityOverride}, ${s.probability})`;
/** When a deal is expected to close, with the undated ones last ascending. */
const closeKey = sql<string>`coalesce(${d.expectedCloseDate}, '9999-12-31')`;

/** The deals list's rows: the fields of `DealRow` by name, and the sort keys they page by. */
const dealListSource = listSource({
  table: deals,
  as: d,
  id: d.id,
  owned: deals,
  linkedNames: { contactName: c, companyName: co },
  deletedAt: d.deletedAt,
  joins: [
    innerJoin(stages, s, sql`${s.id} = ${d.stageId}`),
    leftJoin(contacts, c, sql`${c.id} = ${d.contactId}`),
    leftJoin(companies, co, sql`${co.id} = ${d.companyId}`),
    leftJoin(users, u, sql`${u.id} = ${d.ownerId}`),
  ],
  columns: {
    id: d.id,
    title: d.title,
    sortTitle: d.sortTitle,
    contactId: d.contactId,
    contactName: c.name,
    companyId: d.companyId,
    companyName: co.name,
    amountMinor: d.amountMinor,
    currency: d.currency,
    expectedCloseDate: d.expectedCloseDate,
    closeKey,
    ownerId: d.ownerId,
    ownerName: u.name,
    isPrivate: d.isPrivate,
    pipelineId: d.pipelineId,
    stageId: d.stageId,
    stageName: s.name,
    stageKind: s.kind,
    probability: effectiveProbability,
    // Weighted amount in exact integers: amount × probability / 100, halves rounded up (as WEIGHTED_SQL).
    weightedMinor: sql<number>`(${d.amountMinor} * ${effectiveProbability} + 50) / 100`,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    createdBy: d.createdBy,
    updatedBy: d.updatedBy,
    deletedAt: d.deletedAt,
  },
});

type DealListRow = ReturnType<typeof dealListSource.decode>;

const SORT_KEYS: Record<DealListQuery['sort'], { keys: SortKey[]; values: (row: DealListRow) => KeyValue[] }> = {
  title: { keys: [d.sortTitle, d.id], values: (row) => [row.sortTitle, row.id] },
  amount: { keys: [d.amountMinor, d.id], values: (row) => [row.amountMinor, row.id] },
  expectedClose: { keys: [closeKey, d.id], values: (row) => [row.closeKey, row.id] },
  updatedAt: { keys: [d.updatedAt, d.id], values: (row) => [row.updatedAt, row.id] },
};

/** The deals list's filters other than the search (which `listPage` plans against the index), as `dealFilterSql` has them. */
function dealListFilter(filter: Partial<DealFilter>): SQL[] {
  const where = [dealListSource.live!];
  if (filter.pipelineId !== undefined) where.push(sql`${d.pipelineId} = ${filter.pipelineId}`);
  if (filter.stageId !== undefined) where.push(sql`${d.stageId} = ${filter.stageId}`);
  if (filter.status !== undefined) where.push(sql`${d.status} = ${filter.status}`);
  if (filter.ownerId !== undefined) where.push(sql`${d.ownerId} = ${filter.ownerId}`);
  if (filter.contactId !== undefined) where.push(sql`${d.contactId} = ${filter.contactId}`);
  if (filter.companyId !== undefined) where.push(sql`${d.companyId} = ${filter.companyId}`);
  if (filter.closeMonth !== undefined) {
    where.push(sql`${d.expectedCloseDate} >= ${`${filter.closeMonth}-01`} AND ${d.expectedCloseDate} < ${nextMonth(filter.closeMonth)}`);
  }
  return where;
}

/** The deals list as `listPage` runs it; exported so plan tests explain the very queries the list runs. */
export function dealListSpec(query: DealListQuery): ListSpec<DealListRow> {
  return {
    source: dealListSource,
    where: dealListFilter(query),
    ...pagingOf(query, SORT_KEYS[query.sort].keys),
    // By title the matches are read in the index's order (db/search/order.ts), however many there are.
    search: query.search ? { kind: 'deal', query: query.search, indexOrder: query.sort === 'title' ? { walk: true } : undefined } : undefined,
  };
}

/** The sort key the global search ranks titles starting with the query by. */
export const dealTitleKey = d.sortTitle;

export function listDeals(store: Store, query: DealListQuery): Page<DealRow> {
  const page = listPage(store.reads, dealListSpec(query));
  const { pageRows, nextCursor } = pageOf(page.rows, query.limit, SORT_KEYS[query.sort].values);
  return {
    rows: pageRows.map(({ sortTitle: _sortTitle, closeKey: _closeKey, stageKind, ...row }) => ({ ...row, stageKind: stageKind as DealRow['stageKind'] })),
    nextCursor,
    total: page.total,
    totalAtLeast: page.totalAtLeast,
  };
}

/** Reassigns many deals in one transaction, each versioned and audited. */
export function bulkSetDealOwner(store: Store, input: { ids: number[]; ownerId: number | null }): { count: number } {
  return write(store, (writer) => {
    requireLive(writer.reads, 'users', input.ownerId, 'ownerId');
    let count = 0;
    for (const id of new Set(input.ids)) {
      const row = writer.read(deals, id);
      if (!row || row.deletedAt !== null) throw notFound('Deal', id);
      checkPrivacyChange(writer.reads.viewer, row, { ownerId: input.ownerId });
      if (writer.update(deals, id, row.version, { ownerId: input.ownerId }) !== row.version) count++;
    }
    return { count };
  });
}
