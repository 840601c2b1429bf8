import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { Deal, DealRow, StageVisit, dealCreate, dealFilter, dealList, dealMove, dealUpdate } from '../contract/sales';
import { notFound, validation } from '../errors';
import { recordMeta, type RecordMetaRow } from '../read/record-mapping';
import { promoteToCustomer } from './auto-customer';
import { pageOf, type KeyValue, type SortKey } from '../read/keyset';
import { requireLive } from '../read/references';
import { statement } from '../read/statements';
import { innerJoin, leftJoin, listPage, listSource, pagingOf, type ListSpec } from '../read/list-page';
import { indexRecord, matchingIdsSql, unindexRecord } from '../search/index';
import { normalizeText } from '../search/text';
import type { RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { readStage } from './pipelines';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { companies, contacts } from '../people/schema';
import { users } from '../system/schema';
import type { Store } from '../workspace/store';
import { dealStageHistory, deals, stages } from './schema';

type DealListQuery = z.output<typeof dealList>;
type DealFilter = z.output<typeof dealFilter>;

export interface DealDbRow extends RecordMetaRow {
  title: string;
  sort_title: string;
  contact_id: number | null;
  contact_name: string | null;
  company_id: number | null;
  company_name: string | null;
  amount_minor: number;
  currency: string;
  expected_close_date: string | null;
  close_key: string;
  owner_id: number | null;
  owner_name: string | null;
  pipeline_id: number;
  stage_id: number;
  stage_name: string;
  stage_kind: DealRow['stageKind'];
  probability: number;
  weighted_minor: number;
  source: Deal['source'];
  source_campaign_id: number | null;
  probability_override: number | null;
  lost_reason: string | null;
  closed_at: number | null;
  description: string | null;
}

/** Weighted amount in exact integers: amount × probability / 100, halves rounded up. */
export const WEIGHTED_SQL = '(d.amount_minor * coalesce(d.probability_override, s.probability) + 50) / 100';

const DEAL_ROW_COLUMNS = `d.*, coalesce(d.expected_close_date, '9999-12-31') AS close_key,
    c.name AS contact_name, co.name AS company_name, u.name AS owner_name,
    s.name AS stage_name, s.kind AS stage_kind,
    coalesce(d.probability_override, s.probability) AS probability, ${WEIGHTED_SQL} AS weighted_minor`;
const DEAL_ROW_FROM = `deals d JOIN stages s ON s.id = d.stage_id
  LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id
  LEFT JOIN users u ON u.id = d.owner_id`;

/** Deals with everything a row shows; callers add WHERE/ORDER/LIMIT. */
export const DEAL_ROW_SQL = `
  SELECT ${DEAL_ROW_COLUMNS}
  FROM ${DEAL_ROW_FROM}`;

export function toDealRow(row: DealDbRow): DealRow {
  return {
    title: row.title,
    contactId: row.contact_id,
    contactName: row.contact_name,
    companyId: row.company_id,
    companyName: row.company_name,
    amountMinor: row.amount_minor,
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    stageName: row.stage_name,
    stageKind: row.stage_kind,
    probability: row.probability,
    weightedMinor: row.weighted_minor,
    ...recordMeta(row),
  };
}

export function readDeal(sqlite: Database.Database, id: number): Deal | undefined {
  const row = statement(sqlite, `${DEAL_ROW_SQL} WHERE d.id = ?`).get(id) as DealDbRow | undefined;
  if (!row) return undefined;
  const history = statement(
    sqlite,
    `SELECT h.stage_id, s.name AS stage_name, h.entered_at, h.left_at FROM deal_stage_history h JOIN stages s ON s.id = h.stage_id
     WHERE h.deal_id = ? ORDER BY h.entered_at, h.id`,
  ).all(id) as { stage_id: number; stage_name: string; entered_at: number; left_at: number | null }[];
  return {
    ...toDealRow(row),
    source: row.source,
    sourceCampaignId: row.source_campaign_id,
    probabilityOverride: row.probability_override,
    lostReason: row.lost_reason,
    closedAt: row.closed_at,
    description: row.description,
    stageHistory: history.map(
      (visit): StageVisit => ({ stageId: visit.stage_id, stageName: visit.stage_name, enteredAt: visit.entered_at, leftAt: visit.left_at }),
    ),
  };
}

export function getDeal(workspace: Workspace, id: number): Deal {
  const deal = readDeal(workspace.sqlite, id);
  if (!deal || deal.deletedAt !== null) throw notFound('Deal', id);
  return deal;
}

export function reindexDeal(sqlite: Database.Database, id: number): void {
  const row = statement(sqlite, 'SELECT title, deleted_at FROM deals WHERE id = ?').get(id) as { title: string; deleted_at: number | null } | undefined;
  if (!row || row.deleted_at !== null) unindexRecord(sqlite, 'deal', id);
  else indexRecord(sqlite, 'deal', id, [row.title]);
}

function checkDealReferences(sqlite: Database.Database, input: Partial<z.output<typeof dealCreate>>): void {
  requireLive(sqlite, 'contacts', input.contactId, 'contactId');
  requireLive(sqlite, 'companies', input.companyId, 'companyId');
  requireLive(sqlite, 'users', input.ownerId, 'ownerId');
  requireLive(sqlite, 'campaigns', input.sourceCampaignId, 'sourceCampaignId');
}

/** A deal and its quotes/orders share one currency; changing it while orders exist would mix them. */
function checkCurrencyAgainstOrders(sqlite: Database.Database, dealId: number, currency: string): void {
  const other = statement(sqlite, 'SELECT currency FROM orders WHERE deal_id = ? AND deleted_at IS NULL AND currency != ? LIMIT 1').get(dealId, currency) as
    | { currency: string }
    | undefined;
  if (other) throw validation('currency', `This deal has orders in ${other.currency}; a deal and its orders share one currency`);
}

export function createDeal(workspace: Workspace, input: z.output<typeof dealCreate>): Deal {
  const id = write(workspace, (writer) => insertDeal(writer, input));
  return getDeal(workspace, id);
}

export function insertDeal(writer: RecordWriter, input: z.output<typeof dealCreate>): number {
  const { sqlite } = writer;
  checkDealReferences(sqlite, input);
  const stage = readStage(sqlite, input.stageId);
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
  writer.db.insert(dealStageHistory).values({ dealId: id, stageId, enteredAt: writer.now, userId: writer.workspace.userId || null }).run();
  reindexDeal(sqlite, id);
  if (stage.kind === 'won') promoteToCustomer(writer, input.contactId, { kind: 'deal', id, label: input.title, event: 'won' });
  return id;
}

export function updateDeal(workspace: Workspace, input: z.output<typeof dealUpdate>): Deal {
  write(workspace, (writer) => {
    const { probability, ...patch } = input.patch;
    checkDealReferences(writer.sqlite, patch);
    if (patch.currency) checkCurrencyAgainstOrders(writer.sqlite, input.id, patch.currency);
    writer.update(
      deals,
      input.id,
      input.version,
      {
        ...patch,
        ...(patch.title !== undefined ? { sortTitle: normalizeText(patch.title) } : {}),
        ...(probability !== undefined ? { probabilityOverride: probability } : {}),
      },
      { describeCurrent: (id) => readDeal(writer.sqlite, id) },
    );
    reindexDeal(writer.sqlite, input.id);
  });
  return getDeal(workspace, input.id);
}

/**
 * Moves a deal to another stage of its pipeline: closes the open stage-history row, opens a new one,
 * and keeps status/closed_at/lost reason in step. A lost stage needs a reason.
 */
export function moveDeal(workspace: Workspace, input: z.output<typeof dealMove>): Deal {
  write(workspace, (writer) => {
    const { sqlite } = writer;
    const current = readDeal(sqlite, input.id);
    if (!current) throw notFound('Deal', input.id);
    const target = readStage(sqlite, input.stageId);
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
      { describeCurrent: (id) => readDeal(sqlite, id) },
    );
    if (current.stageId !== target.id) {
      statement(sqlite, 'UPDATE deal_stage_history SET left_at = ? WHERE deal_id = ? AND left_at IS NULL').run(writer.now, input.id);
      writer.db.insert(dealStageHistory).values({ dealId: input.id, stageId: target.id, enteredAt: writer.now, userId: writer.workspace.userId || null }).run();
    }
    if (target.kind === 'won' && current.stageKind !== 'won') {
      promoteToCustomer(writer, current.contactId, { kind: 'deal', id: current.id, label: current.title, event: 'won' });
    }
  });
  return getDeal(workspace, input.id);
}

/** The WHERE clause of deal filters, shared by the list, the board and the forecast. */
export function dealFilterSql(filter: Partial<DealFilter>): { where: string[]; params: (string | number)[] } {
  const where = ['d.deleted_at IS NULL'];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.pipelineId !== undefined) add('d.pipeline_id = ?', filter.pipelineId);
  if (filter.stageId !== undefined) add('d.stage_id = ?', filter.stageId);
  if (filter.status !== undefined) add('d.status = ?', filter.status);
  if (filter.ownerId !== undefined) add('d.owner_id = ?', filter.ownerId);
  if (filter.contactId !== undefined) add('d.contact_id = ?', filter.contactId);
  if (filter.companyId !== undefined) add('d.company_id = ?', filter.companyId);
  if (filter.closeMonth !== undefined) add('d.expected_close_date >= ? AND d.expected_close_date < ?', `${filter.closeMonth}-01`, nextMonth(filter.closeMonth));
  if (filter.search) {
    const match = matchingIdsSql('deal', filter.search);
    if (match) add(`d.id IN (${match.sql})`, ...match.params);
  }
  return { where, params };
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
  const where = [sql`${d.deletedAt} IS NULL`];
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
    search: query.search ? { kind: 'deal', query: query.search } : undefined,
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
export function bulkSetDealOwner(workspace: Workspace, input: { ids: number[]; ownerId: number | null }): { count: number } {
  return write(workspace, (writer) => {
    requireLive(writer.sqlite, 'users', input.ownerId, 'ownerId');
    let count = 0;
    for (const id of new Set(input.ids)) {
      const row = writer.read(deals, id);
      if (!row || row.deletedAt !== null) throw notFound('Deal', id);
      if (writer.update(deals, id, row.version, { ownerId: input.ownerId }) !== row.version) count++;
    }
    return { count };
  });
}
