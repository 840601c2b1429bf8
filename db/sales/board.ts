import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Board, MoneyTotal, Stage, boardInput } from '../contract/sales';
import type { Store } from '../workspace/store';
import { readSetting } from '../workspace/settings';
import { prerendered } from '../read/reads';
import type { Viewer } from '../read/viewer';
import { visibleRow } from '../read/visibility';
import { DEAL_ROWS, dealRowOf, nextMonth, selectList, weightedAmount, type Selected, type SelectedDealRow } from './deals';
import { getPipeline } from './pipelines';
import { deals, stages } from './schema';

type BoardInput = z.output<typeof boardInput>;

/**
 * The board's conditions as prerendered text with their parameters between: the board renders a
 * query per column on every call, and rebuilding columns into SQL each time cost more than running it.
 */
const CONDITIONS = {
  live: prerendered(sql` WHERE ${deals.deletedAt} IS NULL AND ${deals.pipelineId} = `),
  stage: prerendered(sql` AND ${deals.stageId} = `),
  owner: prerendered(sql` AND ${deals.ownerId} = `),
  closesFrom: prerendered(sql` AND ${deals.expectedCloseDate} >= `),
  closesBefore: prerendered(sql` AND ${deals.expectedCloseDate} < `),
  // The month also as a range of the open cards' sort key, so their index serves both the month and the order.
  keyFrom: prerendered(sql` AND coalesce(${deals.expectedCloseDate}, '9999-12-31') >= `),
  keyBefore: prerendered(sql` AND coalesce(${deals.expectedCloseDate}, '9999-12-31') < `),
};

/** The deals of the pipeline the board shows (of one column, for its cards), filtered by owner and close month. */
function boardWhere(input: Pick<BoardInput, 'pipelineId' | 'ownerId' | 'closeMonth'>, viewer: Viewer, column?: Pick<Stage, 'id' | 'kind'>): SQL {
  const parts: SQL[] = [sql`${CONDITIONS.live}${input.pipelineId}`];
  const visible = visibleRow(deals.id, deals, viewer);
  if (visible) parts.push(sql` AND ${visible}`);
  if (column) parts.push(sql`${CONDITIONS.stage}${column.id}`);
  if (input.ownerId !== undefined) parts.push(sql`${CONDITIONS.owner}${input.ownerId}`);
  if (input.closeMonth !== undefined) {
    const [from, before] = [`${input.closeMonth}-01`, nextMonth(input.closeMonth)];
    parts.push(sql`${CONDITIONS.closesFrom}${from}${CONDITIONS.closesBefore}${before}`);
    if (column?.kind === 'open') parts.push(sql`${CONDITIONS.keyFrom}${from}${CONDITIONS.keyBefore}${before}`);
  }
  return sql.join(parts);
}

const totalColumns = {
  stageId: deals.stageId,
  currency: deals.currency,
  count: sql<number>`count(*)`,
  amount: sql<number>`sum(${deals.amountMinor})`,
  weighted: sql<number>`sum(${weightedAmount})`,
};
const TOTALS = prerendered(sql`SELECT ${selectList(totalColumns)} FROM ${deals} JOIN ${stages} ON ${stages.id} = ${deals.stageId}`);
const TOTALS_GROUPS = prerendered(sql` GROUP BY ${deals.stageId}, ${deals.currency}`);

/** Count and per-currency totals of every matching deal, by stage: exported so the plan tests explain this very query. */
export function boardTotalsQuery(input: Pick<BoardInput, 'pipelineId' | 'ownerId' | 'closeMonth'>, viewer: Viewer): SQL<Selected<typeof totalColumns>> {
  return sql<Selected<typeof totalColumns>>`${TOTALS}${boardWhere(input, viewer)}${TOTALS_GROUPS}`;
}

const OPEN_CARDS_ORDER = prerendered(sql` ORDER BY coalesce(${deals.expectedCloseDate}, '9999-12-31'), ${deals.id} LIMIT `);
const CLOSED_CARDS_ORDER = prerendered(sql` ORDER BY ${deals.closedAt} DESC, ${deals.id} DESC LIMIT `);

/**
 * The first cards of one column: open stages soonest expected close first (undated last), closed
 * stages most recently closed first; the orders the cards indexes hold. Exported for the plan tests.
 */
export function boardCardsQuery(
  stage: Pick<Stage, 'id' | 'kind'>,
  input: Pick<BoardInput, 'pipelineId' | 'ownerId' | 'closeMonth' | 'cardsPerColumn'>,
  viewer: Viewer,
): SQL<SelectedDealRow> {
  const order = stage.kind === 'open' ? OPEN_CARDS_ORDER : CLOSED_CARDS_ORDER;
  return sql<SelectedDealRow>`${DEAL_ROWS}${boardWhere(input, viewer, stage)}${order}${input.cardsPerColumn}`;
}

/**
 * The kanban board of one pipeline: every stage with its deal count and per-currency totals over
 * all matching deals, and the first cards of each column.
 */
export function dealBoard(store: Store, input: BoardInput): Board {
  const { reads } = store;
  const pipeline = getPipeline(store, input.pipelineId);
  const totals = reads.all(boardTotalsQuery(input, reads.viewer));
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
        deals: reads.all(boardCardsQuery(stage, input, reads.viewer)).map((row) => dealRowOf(row, reads.viewer)),
      };
    }),
  };
}
