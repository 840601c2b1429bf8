/**
 * A business calendar: when a shop counts time towards a service deadline. Plain data (stored as
 * JSON), read by `business-time.ts`.
 */

/** Minutes after local midnight: `start` < `end`, or `end` ≤ `start` for a window that runs past midnight. */
export interface WorkingWindow {
  start: number;
  end: number;
}

export interface BusinessCalendar {
  /** IANA time zone of the shop (Asia/Shanghai). */
  timeZone: string;
  /** `week[0]` is Sunday … `week[6]` Saturday: the working windows of each weekday (a lunch break is two windows). */
  week: WorkingWindow[][];
  /** Local dates (`YYYY-MM-DD`) the shop is closed. */
  holidays: string[];
  /** Local dates worked although their weekday has no windows, with `makeUpWeekday`'s windows. */
  workdays: string[];
  /** China's official holidays and make-up working days (调休) apply as well. */
  chinaOfficialDays: boolean;
  /** Whose windows a make-up working day has (1 = Monday's). */
  makeUpWeekday: number;
  /** Every minute counts ("we answer outside working hours"): windows, holidays and make-up days are ignored. */
  alwaysOpen: boolean;
}

export const MINUTES_PER_DAY = 24 * 60;

/** The local date of a day number (days since 1970-01-01). */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Why a calendar cannot be used, or null. */
export function calendarProblem(calendar: BusinessCalendar): string | null {
  if (calendar.week.length !== 7) return 'A week has seven days of windows.';
  for (const windows of calendar.week) {
    for (const window of windows) {
      const { start, end } = window;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= MINUTES_PER_DAY || end < 0 || end > MINUTES_PER_DAY) {
        return 'A working window starts and ends within the day, in whole minutes.';
      }
    }
  }
  if (!Number.isInteger(calendar.makeUpWeekday) || calendar.makeUpWeekday < 0 || calendar.makeUpWeekday > 6) return 'A make-up day takes the windows of one weekday.';
  return null;
}
