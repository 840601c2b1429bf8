import type { Forecast, ForecastMonth } from '../../../../../db/contract/sales';
import { shiftMonth } from '../../../app/dates';

export interface ForecastPoint {
  month: string;
  weightedMinor: number;
  openMinor: number;
  openCount: number;
  wonMinor: number;
  wonCount: number;
}

/** Every month of the range, in one currency, with empty months filled in (a chart needs them all). */
export function monthsInCurrency(forecast: Forecast | undefined, currency: string, from: string, to: string): ForecastPoint[] {
  const byMonth = new Map<string, ForecastMonth>();
  for (const month of forecast?.months ?? []) if (month.currency === currency) byMonth.set(month.month, month);
  const points: ForecastPoint[] = [];
  for (let month = from, guard = 0; month <= to && guard < 240; month = shiftMonth(month, 1), guard++) {
    const found = byMonth.get(month);
    points.push({
      month,
      weightedMinor: found?.weightedMinor ?? 0,
      openMinor: found?.openMinor ?? 0,
      openCount: found?.openCount ?? 0,
      wonMinor: found?.wonMinor ?? 0,
      wonCount: found?.wonCount ?? 0,
    });
  }
  return points;
}

/** The currencies the forecast has figures in, the workspace's first. */
export function forecastCurrencies(forecast: Forecast | undefined, preferred: string): string[] {
  const set = new Set<string>([...(forecast?.months ?? []).map((month) => month.currency), ...(forecast?.owners ?? []).map((owner) => owner.currency)]);
  set.delete(preferred);
  return [preferred, ...[...set].sort()];
}
