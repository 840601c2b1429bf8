import type { appRouter } from '../api/router';
import { dealBoard } from '../sales/board';
import { salesForecast } from '../sales/forecast';
import { defaultPipelineId } from '../sales/pipelines';
import { recordTimeline } from '../work/timeline';
import type { Workspace } from '../workspace/open';
import { compare, type BenchResult } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
type Api = ReturnType<typeof appRouter.createCaller>;

/** Issue 3's hot paths: the kanban board, a contact's timeline, the forecast. */
export async function salesHotPaths(workspace: Workspace, api: Api, contacts: number, selected: (name: string) => boolean = () => true): Promise<BenchResult[]> {
  const { sqlite } = workspace;
  const pipelineId = defaultPipelineId(workspace.reads);
  const stageIds = (sqlite.prepare('SELECT id, kind FROM stages WHERE pipeline_id = ? ORDER BY position').all(pipelineId) as { id: number; kind: string }[]);
  const results: BenchResult[] = [];

  const rawTotals = sqlite.prepare(
    `SELECT d.stage_id, d.currency, count(*), sum(d.amount_minor), sum((d.amount_minor * coalesce(d.probability_override, s.probability) + 50) / 100)
     FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.pipeline_id = ? AND d.deleted_at IS NULL GROUP BY d.stage_id, d.currency`,
  );
  const rawOpenCards = sqlite.prepare(
    `SELECT d.*, c.name, co.name, u.name, s.name, s.kind FROM deals d JOIN stages s ON s.id = d.stage_id
     LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id LEFT JOIN users u ON u.id = d.owner_id
     WHERE d.stage_id = ? AND d.deleted_at IS NULL ORDER BY coalesce(d.expected_close_date, '9999-12-31'), d.id LIMIT 100`,
  );
  const rawClosedCards = sqlite.prepare(
    `SELECT d.*, c.name, co.name, u.name, s.name, s.kind FROM deals d JOIN stages s ON s.id = d.stage_id
     LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id LEFT JOIN users u ON u.id = d.owner_id
     WHERE d.stage_id = ? AND d.deleted_at IS NULL ORDER BY d.closed_at DESC, d.id DESC LIMIT 100`,
  );
  const boardName = 'kanban board (all stages: totals + 100 cards each)';
  if (selected(boardName)) results.push({
    name: boardName,
    ...(await compare(RUNS, {
      api: () => api.sales.deals.board({ pipelineId }),
      core: () => dealBoard(workspace, { pipelineId, cardsPerColumn: 100 }),
      raw: () => {
        rawTotals.all(pipelineId);
        for (const stage of stageIds) (stage.kind === 'open' ? rawOpenCards : rawClosedCards).all(stage.id);
      },
    })),
    budgetMs: 30,
    maxRatio: 1.5,
  });

  // The busiest contacts have thousands of entries; the rest a handful, spread over the whole scale.
  const contactIds = Array.from({ length: 200 }, (_, index) => (index % 2 ? 1 + (index % 100) : 1 + ((index * 7919) % contacts)));
  const rawActivities = sqlite.prepare(
    `SELECT a.*, u.name FROM activities a LEFT JOIN users u ON u.id = a.created_by
     WHERE a.contact_id = ? AND a.deleted_at IS NULL ORDER BY a.occurred_at DESC, a.id DESC LIMIT 51`,
  );
  const rawNotes = sqlite.prepare('SELECT * FROM notes WHERE contact_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 51');
  const rawStages = sqlite.prepare(
    `SELECT h.*, s.name, d.title FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id JOIN stages s ON s.id = h.stage_id
     WHERE d.contact_id = ? AND d.deleted_at IS NULL ORDER BY h.entered_at DESC, h.id DESC LIMIT 51`,
  );
  const rawEvents = sqlite.prepare(
    `SELECT e.*, o.number FROM order_events e JOIN orders o ON o.id = e.order_id
     WHERE o.contact_id = ? AND o.deleted_at IS NULL ORDER BY e.at DESC, e.id DESC LIMIT 51`,
  );
  const timelineName = 'contact timeline, first page (50)';
  if (selected(timelineName)) results.push({
    name: timelineName,
    ...(await compare(RUNS, {
      api: (run) => api.work.timeline({ target: { kind: 'contact', id: contactIds[run % contactIds.length]! } }),
      core: (run) => recordTimeline(workspace, { target: { kind: 'contact', id: contactIds[run % contactIds.length]! }, limit: 50 }),
      raw: (run) => {
        const id = contactIds[run % contactIds.length]!;
        rawActivities.all(id);
        rawNotes.all(id);
        rawStages.all(id);
        rawEvents.all(id);
      },
    })),
    budgetMs: 10,
    maxRatio: 1.5,
  });

  const from = new Date().toISOString().slice(0, 7);
  const toDate = new Date();
  toDate.setMonth(toDate.getMonth() + 11);
  const to = toDate.toISOString().slice(0, 7);
  // The same two grouped scans the core runs, hand-written.
  const rawForecastOpen = sqlite.prepare(
    `SELECT substr(d.expected_close_date, 1, 7) AS month, d.owner_id, d.currency, count(*), sum(d.amount_minor),
       sum((d.amount_minor * coalesce(d.probability_override, s.probability) + 50) / 100)
     FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.status = 'open' AND d.expected_close_date >= ? AND d.expected_close_date < ? AND d.deleted_at IS NULL
     GROUP BY month, d.owner_id, d.currency`,
  );
  const monthStarts = Array.from({ length: 13 }, (_, index) => new Date(new Date().getFullYear(), new Date().getMonth() + index, 1).getTime());
  const rawForecastWon = sqlite.prepare(
    `WITH months AS (${monthStarts.slice(0, 12).map((start, index) => `SELECT ${index} AS month, ${start} AS start_ms, ${monthStarts[index + 1]} AS end_ms`).join(' UNION ALL ')})
     SELECT m.month, d.owner_id, d.currency, count(*), sum(d.amount_minor) FROM deals d JOIN months m ON d.closed_at >= m.start_ms AND d.closed_at < m.end_ms
     WHERE d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ? AND d.deleted_at IS NULL GROUP BY m.month, d.owner_id, d.currency`,
  );
  const start = `${from}-01`;
  const end = `${to}-31`;
  const forecastName = 'forecast by month and owner (12 months)';
  if (selected(forecastName)) results.push({
    name: forecastName,
    ...(await compare(Math.min(RUNS, 100), {
      api: () => api.sales.deals.forecast({ from, to }),
      core: () => salesForecast(workspace, { from, to }),
      raw: () => {
        rawForecastOpen.all(start, end);
        rawForecastWon.all(monthStarts[0], monthStarts[12]);
      },
    })),
    budgetMs: 100,
    maxRatio: 1.5,
  });
  return results;
}
