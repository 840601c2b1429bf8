/**
 * Business time: deadlines that count only a shop's working hours. The rule, which the tests'
 * minute-by-minute oracle states the same way: an instant is working time when its wall-clock time
 * in the calendar's zone falls in a working window of its local date, or in a window of the day
 * before that runs past midnight (that day's holiday status decides). Across a DST change a window
 * holds the real minutes its wall-clock span covers (an hour fewer in spring, one more in autumn).
 */
import { MINUTES_PER_DAY, calendarProblem, dateOfDay, type BusinessCalendar, type WorkingWindow } from './calendar';
import { isChinaMakeUpWorkday, isChinaOfficialHoliday } from './china-official-days';
import { offsetAt, offsetPieces } from './zone-offsets';

const MINUTE_MS = 60_000;
const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;
const HOUR_MS = 60 * MINUTE_MS;
/** Offsets in use lie within −12 h … +14 h of UTC. */
const MOST_BEHIND_MS = 12 * HOUR_MS;
const MOST_AHEAD_MS = 14 * HOUR_MS;
const CHUNK_MS = 14 * DAY_MS;
/** A deadline further out than this means the calendar has (almost) no working time. */
const SEARCH_LIMIT_MS = 3 * 366 * DAY_MS;

/** `[from, to)` in UTC milliseconds. */
export type Interval = readonly [number, number];

interface Prepared {
  holidays: Set<string>;
  workdays: Set<string>;
  days: Map<number, Interval[]>;
}

const prepared = new WeakMap<BusinessCalendar, Prepared>();

function prepare(calendar: BusinessCalendar): Prepared {
  let ready = prepared.get(calendar);
  if (!ready) {
    const problem = calendarProblem(calendar);
    if (problem) throw new Error(problem);
    ready = { holidays: new Set(calendar.holidays), workdays: new Set(calendar.workdays), days: new Map() };
    prepared.set(calendar, ready);
  }
  return ready;
}

/** 0 = Sunday: 1970-01-01, day 0, was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The windows local day `day` (days since 1970-01-01) is worked in; none on a day off. */
export function windowsOfDay(calendar: BusinessCalendar, day: number): WorkingWindow[] {
  const { holidays, workdays } = prepare(calendar);
  const date = dateOfDay(day);
  if (holidays.has(date) || (calendar.chinaOfficialDays && isChinaOfficialHoliday(date))) return [];
  const own = calendar.week[weekdayOf(day)] ?? [];
  if (own.length === 0 && (workdays.has(date) || (calendar.chinaOfficialDays && isChinaMakeUpWorkday(date)))) return calendar.week[calendar.makeUpWeekday] ?? [];
  return own;
}

function merged(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The UTC stretches of local day `day`'s windows: each window's wall-clock span mapped through the offsets in force. */
function dayIntervals(calendar: BusinessCalendar, day: number): Interval[] {
  const cache = prepare(calendar).days;
  const known = cache.get(day);
  if (known) return known;
  const windows = windowsOfDay(calendar, day);
  let intervals: Interval[] = [];
  if (windows.length > 0) {
    // Wall-clock spans as "local epoch" milliseconds (the wall time read as if it were UTC).
    const spans = windows.map(({ start, end }): Interval => [day * DAY_MS + start * MINUTE_MS, day * DAY_MS + (end > start ? end : end + MINUTES_PER_DAY) * MINUTE_MS]);
    const lowest = Math.min(...spans.map((span) => span[0])) - MOST_AHEAD_MS;
    const highest = Math.max(...spans.map((span) => span[1])) + MOST_BEHIND_MS;
    for (const piece of offsetPieces(calendar.timeZone, lowest, highest)) {
      for (const [from, to] of spans) {
        const start = Math.max(from, piece.from + piece.offset);
        const end = Math.min(to, piece.to + piece.offset);
        if (start < end) intervals.push([start - piece.offset, end - piece.offset]);
      }
    }
    intervals = merged(intervals);
  }
  cache.set(day, intervals);
  return intervals;
}

function localDay(calendar: BusinessCalendar, at: number): number {
  return Math.floor((at + offsetAt(calendar.timeZone, at)) / DAY_MS);
}

/** The working time within `[from, to)`, as sorted, disjoint UTC intervals. */
export function workingIntervals(calendar: BusinessCalendar, from: number, to: number): Interval[] {
  prepare(calendar);
  if (to <= from) return [];
  if (calendar.alwaysOpen) return [[from, to]];
  const collected: Interval[] = [];
  // The day before may run past midnight into `from`'s day.
  for (let day = localDay(calendar, from) - 1, last = localDay(calendar, to) + 1; day <= last; day++) {
    for (const [start, end] of dayIntervals(calendar, day)) {
      const clippedFrom = Math.max(start, from);
      const clippedTo = Math.min(end, to);
      if (clippedFrom < clippedTo) collected.push([clippedFrom, clippedTo]);
    }
  }
  return merged(collected);
}

/** How much working time lies between two instants (milliseconds; 0 when `to` is not after `from`). */
export function businessTimeBetween(calendar: BusinessCalendar, from: number, to: number): number {
  return workingIntervals(calendar, from, to).reduce((sum, [start, end]) => sum + end - start, 0);
}

/**
 * The instant at which `duration` milliseconds of working time have passed since `start`: a
 * deadline. Throws when the calendar holds less than that in three years (no working hours at all).
 */
export function addBusinessTime(calendar: BusinessCalendar, start: number, duration: number): number {
  prepare(calendar);
  if (duration <= 0) return start;
  let remaining = duration;
  for (let cursor = start; cursor - start < SEARCH_LIMIT_MS; cursor += CHUNK_MS) {
    for (const [from, to] of workingIntervals(calendar, cursor, cursor + CHUNK_MS)) {
      if (to - from >= remaining) return from + remaining;
      remaining -= to - from;
    }
  }
  throw new Error('The business calendar has no working hours to count a deadline in.');
}
