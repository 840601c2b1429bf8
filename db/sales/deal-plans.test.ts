import { beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../contract/sales';
import { readsFor } from '../read/reads';
import { expectIndexed, usePlanWorkspace, PLAN_VIEWERS as VIEWERS, type ExplainedQuery } from '../test-support/query-plans';
import { boardCardsQuery, boardTotalsQuery } from './board';
import { dealQuery, stageHistoryQuery } from './deals';
import { openForecastQuery, wonForecastQuery } from './forecast';
import { defaultPipelineId, liveDealInStageQuery, pipelineIdsQuery, pipelineQuery, readStages, stageQuery, stagesQuery } from './pipelines';

/**
 * The query plans of a deal's page, the board, the forecast and the pipeline reads, from the very
 * queries the production code runs (builders and sql templates), on a seeded file that never had
 * ANALYZE (users' files don't).
 */

const plans = usePlanWorkspace();
let pipelineId: number;
let stages: Stage[];

beforeAll(() => {
  pipelineId = defaultPipelineId(plans.reads);
  stages = readStages(plans.reads, pipelineId);
});

const explain = (query: ExplainedQuery, label: string, options?: Parameters<typeof expectIndexed>[3]) => expectIndexed(plans.sqlite, query, label, options);

/** The board's and forecast's filters, each alone and together. */
const FILTERS: { ownerId?: number; closeMonth?: string }[] = [{}, { ownerId: 1 }, { closeMonth: '2027-01' }, { ownerId: 1, closeMonth: '2027-01' }];

describe('deal query plans without ANALYZE', () => {
  it('a deal page reads the deal and its names by primary key, and its stage history through its index in order', () => {
    const deal = explain(dealQuery(5), 'deal page');
    expect(deal).toMatch(/SEARCH deals USING INTEGER PRIMARY KEY/);
    const history = explain(stageHistoryQuery(5), 'stage history');
    expect(history).toMatch(/SEARCH deal_stage_history USING INDEX deal_stage_history_deal_idx \(deal_id=\?\)/);
  });

  it('each board column pages its cards through an index already in the column’s order', () => {
    expect(stages.map((stage) => stage.kind)).toEqual(expect.arrayContaining(['open', 'won', 'lost']));
    for (const [stage, filter, viewer] of stages.flatMap((stage) => FILTERS.flatMap((filter) => VIEWERS.map((viewer) => [stage, filter, viewer] as const)))) {
      {
        const label = `${stage.kind} column ${JSON.stringify(filter)} for ${viewer.seesPrivate ? 'a manager' : 'staff'}`;
        const query = boardCardsQuery(stage, { pipelineId, cardsPerColumn: 100, ...filter }, viewer);
        if (stage.kind === 'open') {
          // The month is a range of the open cards' sort key: one index gives the month and the order.
          expect(explain(query, label), label).toMatch(/deals_open_cards_idx \(stage_id=\? AND deleted_at=\?/);
        } else if (filter.closeMonth === undefined) {
          expect(explain(query, label), label).toMatch(/deals_closed_cards_idx \(stage_id=\? AND deleted_at=\?\)/);
        } else {
          // A closed column of one month: its deals of that month (deals_closed_month_idx), sorted by when they closed.
          expect(explain(query, label, { sortedInTemp: true }), label).toMatch(/deals_closed_month_idx \(stage_id=\? AND deleted_at=\? AND expected_close_date>\? AND expected_close_date<\?\)/);
        }
      }
    }
  });

  it('the board’s totals read an index, grouped in its order unless narrowed to a month', () => {
    for (const viewer of VIEWERS) {
      const all = explain(boardTotalsQuery({ pipelineId }, viewer), 'board totals');
      // Staff leave out others' private deals by id, which every index holds: still covering.
      expect(all).toMatch(/SEARCH deals USING COVERING INDEX deals_board_idx \(pipeline_id=\? AND deleted_at=\?\)/);
      explain(boardTotalsQuery({ pipelineId, ownerId: 1 }, viewer), 'board totals by owner');
      // One month of the pipeline's deals, read by range per stage (a handful), then grouped: bounded by the month.
      for (const filter of FILTERS.filter((candidate) => candidate.closeMonth !== undefined)) {
        const plan = explain(boardTotalsQuery({ pipelineId, ...filter }, viewer), `board totals ${JSON.stringify(filter)}`, { sortedInTemp: true });
        expect(plan).toMatch(/expected_close_date>\? AND expected_close_date</);
      }
    }
  });

  it('the forecast reads its range of open and of won deals through their indexes', () => {
    for (const [scope, viewer] of [{}, { pipelineId: 1 }, { ownerId: 1 }, { pipelineId: 1, ownerId: 1 }].flatMap((scope) => VIEWERS.map((viewer) => [scope, viewer] as const))) {
      const input = { from: '2026-12', to: '2027-11', ...scope };
      const label = `${JSON.stringify(scope)} for ${viewer.seesPrivate ? 'a manager' : 'staff'}`;
      // Grouping sorts the range's deals, which the sums read anyway; the result is months × owners × currencies.
      const open = explain(openForecastQuery(readsFor(plans.reads, viewer), input), `open forecast ${label}`, { sortedInTemp: true });
      expect(open).toMatch(/SEARCH deals USING INDEX deals_close_idx \(status=\? AND expected_close_date>\? AND expected_close_date<\?\)/);
      // `m` holds one row per month of the range (at most 240), the buckets each won deal is matched against.
      const won = explain(wonForecastQuery(input, viewer), `won forecast ${label}`, { sortedInTemp: true, small: ['m'] });
      expect(won).toMatch(/SEARCH deals USING INDEX deals_closed_at_idx \(status=\? AND closed_at>\? AND closed_at<\?\)/);
    }
  });

  it('pipelines and stages read by key; the pipeline list is a handful of rows', () => {
    expect(explain(stagesQuery(plans.reads, pipelineId), 'stages of a pipeline')).toMatch(/stages_pipeline_idx \(pipeline_id=\?\)/);
    explain(stageQuery(plans.reads, stages[0]!.id), 'one stage');
    explain(pipelineQuery(plans.reads, pipelineId), 'one pipeline');
    // Every pipeline, the default first: a workspace has a few, sorted after reading them.
    explain(pipelineIdsQuery(plans.reads), 'pipelines', { sortedInTemp: true });
    expect(explain(liveDealInStageQuery(plans.reads, stages[0]!.id), 'live deals in a stage')).toMatch(/COVERING INDEX/);
  });
});
