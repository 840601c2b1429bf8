import { and, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Forecast, ForecastMonth, ForecastOwner, forecastInput } from '../contract/sales';
import { validation } from '../errors';
import type { Reads } from '../read/reads';
import type { Viewer } from '../read/viewer';
import { present, visibleRow } from '../read/visibility';
import { users } from '../system/schema';
import type { Store } from '../workspace/store';
import { nextMonth, selectList, weightedAmount, type Selected } from './deals';
import { deals, stages } from './schema';

type ForecastInput = z.output<typeof forecastInput>;

/** A won bucket: the month is the CTE's, the rest the deals' (won deals carry no weighted amount). */
const wonColumns = {
  month: sql<string>`m.month`,
  ownerId: deals.ownerId,
  currency: deals.currency,
  n: sql<number>`count(*)`,
  amount: sql<number>`sum(${deals.amountMinor})`,
  weighted: sql<number>`0`,
};

/** Deals summed by month, owner and currency. */
type Bucket = Selected<typeof wonColumns>;

/** The deals a forecast covers: live ones the viewer may see, of one pipeline and one owner when asked (as the board counts them). */
function forecastScope(input: Pick<ForecastInput, 'pipelineId' | 'ownerId'>, viewer: Viewer): SQL[] {
  const scope: SQL[] = [isNull(deals.deletedAt), ...present([visibleRow(deals.id, deals, viewer)])];
  if (input.pipelineId !== undefined) scope.push(eq(deals.pipelineId, input.pipelineId));
  if (input.ownerId !== undefined) scope.push(eq(deals.ownerId, input.ownerId));
  return scope;
}

/** Open deals by expected-close month, owner and currency: exported so the plan tests explain this very query. */
export function openForecastQuery(reads: Reads, input: ForecastInput) {
  const month = sql<string>`substr(${deals.expectedCloseDate}, 1, 7)`;
  return reads.db
    .select({
      month,
      ownerId: deals.ownerId,
      currency: deals.currency,
      n: sql<number>`count(*)`,
      amount: sql<number>`sum(${deals.amountMinor})`,
      weighted: sql<number>`sum(${weightedAmount})`,
    })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(
      and(
        eq(deals.status, 'open'),
        gte(deals.expectedCloseDate, `${input.from}-01`),
        lt(deals.expectedCloseDate, nextMonth(input.to)),
        ...forecastScope(input, reads.viewer),
      ),
    )
    .groupBy(month, deals.ownerId, deals.currency);
}

/**
 * Won deals by the local-time month they were won, owner and currency: bucketed by precomputed month
 * boundaries rather than a per-row date conversion. Exported so the plan tests explain this very query.
 */
export function wonForecastQuery(input: ForecastInput, viewer: Viewer): SQL<Bucket> {
  const boundaries = sql.join(
    monthsBetween(input.from, input.to).map(
      (month) => sql`SELECT ${month} AS month, ${localMonthStart(month)} AS start_ms, ${localMonthStart(nextMonth(month).slice(0, 7))} AS end_ms`,
    ),
    sql` UNION ALL `,
  );
  return sql<Bucket>`WITH months AS (${boundaries})
     SELECT ${selectList(wonColumns)}
     FROM ${deals} JOIN months m ON ${deals.closedAt} >= m.start_ms AND ${deals.closedAt} < m.end_ms
     WHERE ${and(
       eq(deals.status, 'won'),
       gte(deals.closedAt, localMonthStart(input.from)),
       lt(deals.closedAt, localMonthStart(nextMonth(input.to).slice(0, 7))),
       ...forecastScope(input, viewer),
     )}
     GROUP BY m.month, ${deals.ownerId}, ${deals.currency}`;
}

/**
 * Weighted pipeline by expected-close month (open deals) and won revenue by the month deals were
 * won, per currency; and the same by owner over the whole range. Won months are local-time months.
 */
export function salesForecast(store: Store, input: ForecastInput): Forecast {
  if (input.from > input.to) throw validation('to', 'The last month comes before the first');
  const { reads } = store;
  const open: Bucket[] = openForecastQuery(reads, input).all();
  const won = reads.all<Bucket>(wonForecastQuery(input, reads.viewer));

  const byMonth = new Map<string, ForecastMonth>();
  const byOwner = new Map<string, ForecastOwner>();
  const ownerNames = new Map(reads.db.select({ id: users.id, name: users.name }).from(users).all().map((user) => [user.id, user.name]));
  const add = (bucket: Bucket, kind: 'open' | 'won') => {
    const monthKey = `${bucket.month}|${bucket.currency}`;
    const month = byMonth.get(monthKey) ?? { month: bucket.month, currency: bucket.currency, weightedMinor: 0, openMinor: 0, openCount: 0, wonMinor: 0, wonCount: 0 };
    const ownerKey = `${bucket.ownerId}|${bucket.currency}`;
    const owner = byOwner.get(ownerKey) ?? {
      ownerId: bucket.ownerId,
      ownerName: bucket.ownerId === null ? null : (ownerNames.get(bucket.ownerId) ?? null),
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
