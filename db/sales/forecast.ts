import type { z } from 'zod';
import type { Forecast, ForecastMonth, ForecastOwner, forecastInput } from '../contract/sales';
import { validation } from '../errors';
import { statement } from '../read/statements';
import type { Workspace } from '../workspace/open';
import { WEIGHTED_SQL, nextMonth } from './deals';

interface Bucket {
  month: string;
  owner_id: number | null;
  currency: string;
  n: number;
  amount: number;
  weighted: number;
}

/**
 * Weighted pipeline by expected-close month (open deals) and won revenue by the month deals were
 * won, per currency; and the same by owner over the whole range. Won months are local-time months,
 * bucketed by precomputed month boundaries rather than a per-row date conversion.
 */
export function salesForecast(workspace: Workspace, input: z.output<typeof forecastInput>): Forecast {
  if (input.from > input.to) throw validation('to', 'The last month comes before the first');
  const { sqlite } = workspace;
  const months = monthsBetween(input.from, input.to);
  const scope: string[] = ['d.deleted_at IS NULL'];
  const scopeParams: number[] = [];
  if (input.pipelineId !== undefined) {
    scope.push('d.pipeline_id = ?');
    scopeParams.push(input.pipelineId);
  }
  if (input.ownerId !== undefined) {
    scope.push('d.owner_id = ?');
    scopeParams.push(input.ownerId);
  }
  const where = scope.join(' AND ');
  const open = statement(
    sqlite,
    `SELECT substr(d.expected_close_date, 1, 7) AS month, d.owner_id, d.currency, count(*) AS n, sum(d.amount_minor) AS amount, sum(${WEIGHTED_SQL}) AS weighted
     FROM deals d JOIN stages s ON s.id = d.stage_id
     WHERE d.status = 'open' AND d.expected_close_date >= ? AND d.expected_close_date < ? AND ${where}
     GROUP BY month, d.owner_id, d.currency`,
  ).all(`${input.from}-01`, nextMonth(input.to), ...scopeParams) as Bucket[];
  const boundaries = months.map((month) => `SELECT '${month}' AS month, ${localMonthStart(month)} AS start_ms, ${localMonthStart(nextMonth(month).slice(0, 7))} AS end_ms`);
  const won = statement(
    sqlite,
    `WITH months AS (${boundaries.join(' UNION ALL ')})
     SELECT m.month, d.owner_id, d.currency, count(*) AS n, sum(d.amount_minor) AS amount, 0 AS weighted
     FROM deals d JOIN months m ON d.closed_at >= m.start_ms AND d.closed_at < m.end_ms
     WHERE d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ? AND ${where}
     GROUP BY m.month, d.owner_id, d.currency`,
  ).all(localMonthStart(input.from), localMonthStart(nextMonth(input.to).slice(0, 7)), ...scopeParams) as Bucket[];

  const byMonth = new Map<string, ForecastMonth>();
  const byOwner = new Map<string, ForecastOwner>();
  const ownerNames = new Map((statement(sqlite, 'SELECT id, name FROM users').all() as { id: number; name: string }[]).map((user) => [user.id, user.name]));
  const add = (bucket: Bucket, kind: 'open' | 'won') => {
    const monthKey = `${bucket.month}|${bucket.currency}`;
    const month = byMonth.get(monthKey) ?? { month: bucket.month, currency: bucket.currency, weightedMinor: 0, openMinor: 0, openCount: 0, wonMinor: 0, wonCount: 0 };
    const ownerKey = `${bucket.owner_id}|${bucket.currency}`;
    const owner = byOwner.get(ownerKey) ?? {
      ownerId: bucket.owner_id,
      ownerName: bucket.owner_id === null ? null : (ownerNames.get(bucket.owner_id) ?? null),
      currency: bucket.currency,
      weightedMinor: 0,
      wonMinor: 0,
    };
    if (kind === 'open') {
      month.weightedMinor += bucket.weighted;
      month.openMinor += bucket.amount;
      month.openCount += bucket.n;
      owner.weightedMinor += bucket.weighted;
    } else {
      month.wonMinor += bucket.amount;
      month.wonCount += bucket.n;
      owner.wonMinor += bucket.amount;
    }
    byMonth.set(monthKey, month);
    byOwner.set(ownerKey, owner);
  };
  for (const bucket of open) add(bucket, 'open');
  for (const bucket of won) add(bucket, 'won');
  return {
    months: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
    owners: [...byOwner.values()].sort((a, b) => b.weightedMinor + b.wonMinor - (a.weightedMinor + a.wonMinor)),
  };
}

/** 'YYYY-MM' months from `from` to `to` inclusive (at most a few years: the UI asks for ranges). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < 240; month = nextMonth(month).slice(0, 7)) months.push(month);
  return months;
}

function localMonthStart(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(year, monthNumber - 1, 1).getTime();
}
