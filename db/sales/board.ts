import type { z } from 'zod';
import type { Board, MoneyTotal, boardInput } from '../contract/sales';
import { statement } from '../read/statements';
import type { Workspace } from '../workspace/open';
import { readSetting } from '../workspace/settings';
import { DEAL_ROW_SQL, WEIGHTED_SQL, dealFilterSql, toDealRow, type DealDbRow } from './deals';
import { getPipeline } from './pipelines';

/**
 * The kanban board of one pipeline: every stage with its deal count and per-currency totals over
 * all matching deals, and the first cards of each column (open stages by expected close date,
 * closed stages most recently closed first).
 */
export function dealBoard(workspace: Workspace, input: z.output<typeof boardInput>): Board {
  const { sqlite } = workspace;
  const pipeline = getPipeline(workspace, input.pipelineId);
  const filter = dealFilterSql({ pipelineId: input.pipelineId, ownerId: input.ownerId, closeMonth: input.closeMonth });
  const totals = statement(
    sqlite,
    `SELECT d.stage_id, d.currency, count(*) AS count, sum(d.amount_minor) AS amount, sum(${WEIGHTED_SQL}) AS weighted
     FROM deals d JOIN stages s ON s.id = d.stage_id WHERE ${filter.where.join(' AND ')} GROUP BY d.stage_id, d.currency`,
  ).all(...filter.params) as { stage_id: number; currency: string; count: number; amount: number; weighted: number }[];
  const workspaceCurrency = readSetting(sqlite, 'currency') ?? 'USD';
  const extra = filter.where.slice(1).map((clause) => `AND ${clause}`).join(' ');
  const extraParams = filter.params;
  return {
    pipeline,
    columns: pipeline.stages.map((stage) => {
      const stageTotals = totals.filter((row) => row.stage_id === stage.id);
      const order = stage.kind === 'open' ? "coalesce(d.expected_close_date, '9999-12-31'), d.id" : 'd.closed_at DESC, d.id DESC';
      const cards = statement(sqlite, `${DEAL_ROW_SQL} WHERE d.stage_id = ? AND d.deleted_at IS NULL ${extra} ORDER BY ${order} LIMIT ?`).all(
        stage.id,
        ...extraParams,
        input.cardsPerColumn,
      ) as DealDbRow[];
      return {
        stage,
        count: stageTotals.reduce((sum, row) => sum + row.count, 0),
        totals: stageTotals
          .map((row): MoneyTotal => ({ currency: row.currency, amountMinor: row.amount, weightedMinor: row.weighted }))
          .sort((a, b) => Number(b.currency === workspaceCurrency) - Number(a.currency === workspaceCurrency) || a.currency.localeCompare(b.currency)),
        deals: cards.map(toDealRow),
      };
    }),
  };
}
