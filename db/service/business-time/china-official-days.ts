/**
 * China's official public holidays and make-up working days (调休), from the maintained
 * `chinese-days` data package (the State Council's yearly notice), not typed in here. A year is
 * known once the notice is out and the package updated; later years have none yet.
 */
import data from 'chinese-days/dist/chinese-days.json';

const days = data as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };

/** `YYYY-MM-DD` is a day off by law (a weekday within a holiday, or the holiday itself). */
export function isChinaOfficialHoliday(date: string): boolean {
  return Object.hasOwn(days.holidays, date);
}

/** `YYYY-MM-DD` is a weekend day worked to make up for a holiday. */
export function isChinaMakeUpWorkday(date: string): boolean {
  return Object.hasOwn(days.workdays, date);
}

/** The holiday's names, English and Chinese ("Spring Festival", "春节"), or null. */
export function chinaOfficialDayName(date: string): { en: string; zh: string } | null {
  const entry = days.holidays[date] ?? days.workdays[date];
  if (!entry) return null;
  const [en = '', zh = ''] = entry.split(',');
  return { en, zh };
}

/** The last year the package knows the official days of. */
export function lastKnownChinaYear(): number {
  return Math.max(...Object.keys(days.holidays).map((date) => Number(date.slice(0, 4))));
}
