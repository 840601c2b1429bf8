import { and, asc, count, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Board, MoneyTotal, Stage, boardInput } from '../contract/sales';
import type { Reads } from '../read/reads';
import type { Store } from '../workspace/store';
import { readSetting } from '../workspace/settings';
import { dealRowsQuery, nextMonth, weightedAmount } from './deals';
import { getPipeline } from './pipelines';
import { deals, stages } from './schema';

type BoardInput = z.output<typeof boardInput>;

/** Open cards' order: soonest expected close first, undated last (the expression deals_open_cards_idx holds). */
const closeKey = sql`coalesce(${deals.expectedCloseDate}, '9999-12-31')`;

/** The board's filters beyond the pipeline: on the deals table's own columns. */
function boardFilter(input: Pick<BoardInput, 'ownerId' | 'closeMonth'>): SQL[] {
  const conditions: SQL[] = [];
  if (input.ownerId !== undefined) conditions.push(eq(deals.ownerId, input.ownerId));
  if (input.closeMonth !== undefined) {
    conditions.push(gte(deals.expectedCloseDate, `${input.closeMonth}-01`), lt(deals.expectedCloseDate, nextMonth(input.closeMonth)));
  }
  return conditions;
}

/** Count and per-currency totals of every matching deal, by stage: exported so the plan tests explain this very query. */
export function boardTotalsQuery(reads: Reads, input: Pick<BoardInput, 'pipelineId' | 'ownerId' | 'closeMonth'>) {
  return reads.db
    .select({
      stageId: deals.stageId,
      currency: deals.currency,
      count: count(),
      amount: sql<number>`sum(${deals.amountMinor})`,
      weighted: sql<number>`sum(${weightedAmount})`,
    })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(and(isNull(deals.deletedAt), eq(deals.pipelineId, input.pipelineId), ...boardFilter(input)))
    .groupBy(deals.stageId, deals.currency);
}

/**
 * The first cards of one column: open stages soonest expected close first (undated last), closed
 * stages most recently closed first; the orders the cards indexes hold. Exported for the plan tests.
 */
export function boardCardsQuery(reads: Reads, stage: Pick<Stage, 'id' | 'kind'>, input: Pick<BoardInput, 'pipelineId' | 'ownerId' | 'closeMonth' | 'cardsPerColumn'>) {
  const open = stage.kind === 'open';
  const order = open ? [asc(closeKey), asc(deals.id)] : [desc(deals.closedAt), desc(deals.id)];
  // The month also as a range of the open cards' sort key, so their index serves both the month and the order.
  const monthOfKey =
    open && input.closeMonth !== undefined ? [gte(closeKey, `${input.closeMonth}-01`), lt(closeKey, nextMonth(input.closeMonth))] : [];
  return dealRowsQuery(reads)
    .where(and(eq(deals.stageId, stage.id), isNull(deals.deletedAt), ...monthOfKey, eq(deals.pipelineId, input.pipelineId), ...boardFilter(input)))
    .orderBy(...order)
    .limit(input.cardsPerColumn);
}

/**
 * The kanban board of one pipeline: every stage with its deal count and per-currency totals over
 * all matching deals, and the first cards of each column.
 */
export function dealBoard(store: Store, input: BoardInput): Board {
  const { reads } = store;
  const pipeline = getPipeline(store, input.pipelineId);
  const totals = boardTotalsQuery(reads, input).all();
  const workspaceCurrency = readSetting(reads, 'currency') ?? 'USD';
  return {
    pipeline,
    columns: pipeline.stages.map((stage) => {
      const stageTotals = totals.filter((row) => row.stageId === stage.id);
      return {
        stage,
        count: stageTotals.reduce((sum, row) => sum + row.count, 0),
        totals: stageTotals
          .map((row): MoneyTotal => ({ currency: row.currency, amountMinor: row.amount, weightedMinor: row.weighted }))
          .sort((a, b) => Number(b.currency === workspaceCurrency) - Number(a.currency === workspaceCurrency) || a.currency.localeCompare(b.currency)),
        deals: boardCardsQuery(reads, stage, input).all(),
      };
    }),
  };
}
