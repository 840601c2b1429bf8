import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween } from './business-time';
import type { BusinessCalendar, WorkingWindow } from './calendar';
import { isChinaMakeUpWorkday, isChinaOfficialHoliday } from './china-official-days';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The oracle: the rule of business-time.ts stated minute by minute, sharing none of its code. A UTC
 * minute is working when its wall-clock time (read from Intl for that very minute) lies in a window
 * of its local date, or in the past-midnight part of a window of the date before.
 */
const wallFormatters = new Map<string, Intl.DateTimeFormat>();
const wallOffsets = new Map<string, number>();
const QUARTER = 15 * MINUTE;
/** Wall-clock time from Intl, asked once per quarter hour (zones change offset on the hour here). */
function wallClock(timeZone: string, at: number): { day: number; minute: number } {
  const quarter = Math.floor(at / QUARTER) * QUARTER;
  const key = `${timeZone} ${quarter}`;
  let offset = wallOffsets.get(key);
  if (offset === undefined) {
    let format = wallFormatters.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      wallFormatters.set(timeZone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(quarter).map((part) => [part.type, Number(part.value)]));
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - quarter;
    wallOffsets.set(key, offset);
  }
  const local = at + offset;
  return { day: Math.floor(local / DAY), minute: Math.floor((local % DAY) / MINUTE) };
}

function oracleWindows(calendar: BusinessCalendar, day: number): WorkingWindow[] {
  const date = new Date(day * DAY).toISOString().slice(0, 10);
  const off = calendar.holidays.includes(date) || (calendar.chinaOfficialDays && isChinaOfficialHoliday(date));
  if (off) return [];
  const weekday = new Date(day * DAY).getUTCDay();
  const madeUp = calendar.workdays.includes(date) || (calendar.chinaOfficialDays && isChinaMakeUpWorkday(date));
  if (calendar.week[weekday]!.length === 0 && madeUp) return calendar.week[calendar.makeUpWeekday]!;
  return calendar.week[weekday]!;
}

function oracleWorking(calendar: BusinessCalendar, minuteStart: number): boolean {
  if (calendar.alwaysOpen) return true;
  const wall = wallClock(calendar.timeZone, minuteStart);
  const today = oracleWindows(calendar, wall.day).some(({ start, end }) => wall.minute >= start && wall.minute < (end > start ? end : 1440));
  const fromYesterday = oracleWindows(calendar, wall.day - 1).some(({ start, end }) => end <= start && wall.minute < end);
  return today || fromYesterday;
}

function oracleDeadline(calendar: BusinessCalendar, start: number, minutes: number): number {
  let at = start;
  for (let counted = 0; counted < minutes; at += MINUTE) if (oracleWorking(calendar, at)) counted++;
  return at;
}

function oracleBetween(calendar: BusinessCalendar, from: number, to: number): number {
  let minutes = 0;
  for (let at = from; at < to; at += MINUTE) if (oracleWorking(calendar, at)) minutes++;
  return minutes * MINUTE;
}

const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York'];
/** Starts around 2026's DST changes (Berlin 29 Mar / 25 Oct, New York 8 Mar / 1 Nov), Spring Festival and National Day. */
const AROUND = ['2026-03-07', '2026-03-28', '2026-10-24', '2026-10-31', '2026-02-12', '2026-09-29', '2026-06-15'].map((date) => Date.parse(`${date}T00:00:00Z`));

const window = fc
  .record({ start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 15, max: 720 }) })
  .map(({ start, length }): WorkingWindow => ({ start, end: (start + length) % 1440 }));
const dayWindows = fc.oneof({ weight: 1, arbitrary: fc.constant([] as WorkingWindow[]) }, { weight: 3, arbitrary: fc.array(window, { minLength: 1, maxLength: 3 }) });
const nearbyDate = fc.integer({ min: 0, max: AROUND.length - 1 }).chain((index) => fc.integer({ min: -3, max: 20 }).map((offset) => new Date(AROUND[index]! + offset * DAY).toISOString().slice(0, 10)));

const calendar = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.array(dayWindows, { minLength: 7, maxLength: 7 }),
    holidays: fc.array(nearbyDate, { maxLength: 4 }),
    workdays: fc.array(nearbyDate, { maxLength: 3 }),
    chinaOfficialDays: fc.boolean(),
    makeUpWeekday: fc.integer({ min: 0, max: 6 }),
    alwaysOpen: fc.boolean().map((open) => open && Math.random() < 0.3),
    // Enough working time every week that the oracle's walk stays short.
    anchor: fc.record({ weekday: fc.integer({ min: 0, max: 6 }), start: fc.integer({ min: 0, max: 1200 }) }),
  })
  .map(({ anchor, ...rest }): BusinessCalendar => {
    const week = rest.week.map((windows) => [...windows]);
    week[anchor.weekday]!.push({ start: anchor.start, end: anchor.start + 180 });
    return { ...rest, week };
  });

const startNear = fc
  .record({ index: fc.integer({ min: 0, max: AROUND.length - 1 }), minutes: fc.integer({ min: -2 * 1440, max: 10 * 1440 }) })
  .map(({ index, minutes }) => AROUND[index]! + minutes * MINUTE);

describe('business time', () => {
  it('a deadline is where the minute-by-minute oracle reaches the same working minutes', () => {
    fc.assert(
      fc.property(calendar, startNear, fc.integer({ min: 0, max: 1500 }), (cal, start, minutes) => {
        expect(addBusinessTime(cal, start, minutes * MINUTE)).toBe(oracleDeadline(cal, start, minutes));
      }),
      { numRuns: 150 },
    );
  });

  it('the working time between two instants is the oracle’s count of working minutes', () => {
    fc.assert(
      fc.property(calendar, startNear, fc.integer({ min: 0, max: 6 * 1440 }), (cal, from, minutes) => {
        expect(businessTimeBetween(cal, from, from + minutes * MINUTE)).toBe(oracleBetween(cal, from, from + minutes * MINUTE));
      }),
      { numRuns: 100 },
    );
  });

  const shanghaiShop: BusinessCalendar = {
    timeZone: 'Asia/Shanghai',
    week: [[], ...Array.from({ length: 5 }, () => [{ start: 9 * 60, end: 12 * 60 }, { start: 13 * 60 + 30, end: 18 * 60 }]), []],
    holidays: [],
    workdays: [],
    chinaOfficialDays: true,
    makeUpWeekday: 1,
    alwaysOpen: false,
  };
  const shanghai = (wall: string) => Date.parse(`${wall}+08:00`);

  it('skips the lunch break, China’s National Day holiday, and works its make-up Saturday', () => {
    // Wed 30 Sep 17:00 + 4 h: one hour that day, then 1–7 Oct are off, Thu 8 Oct 09:00–12:00 is the rest.
    expect(addBusinessTime(shanghaiShop, shanghai('2026-09-30T17:00:00'), 4 * HOUR)).toBe(shanghai('2026-10-08T12:00:00'));
    // Fri 9 Oct 17:00 + 2 h: Saturday 10 Oct is a make-up working day (调休) with Monday's hours.
    expect(addBusinessTime(shanghaiShop, shanghai('2026-10-09T17:00:00'), 2 * HOUR)).toBe(shanghai('2026-10-10T10:00:00'));
    // A morning that ends at noon resumes after lunch.
    expect(addBusinessTime(shanghaiShop, shanghai('2026-10-12T11:00:00'), 2 * HOUR)).toBe(shanghai('2026-10-12T14:30:00'));
    expect(businessTimeBetween(shanghaiShop, shanghai('2026-10-12T00:00:00'), shanghai('2026-10-13T00:00:00'))).toBe(7.5 * HOUR);
  });

  it('a night window across a DST change counts the real hours, and 24×7 counts every minute', () => {
    const nightDesk: BusinessCalendar = { ...shanghaiShop, timeZone: 'Europe/Berlin', chinaOfficialDays: false, week: Array.from({ length: 7 }, () => [{ start: 22 * 60, end: 6 * 60 }]) };
    // Sat 24 Oct 22:00 → Sun 25 Oct 06:00 Berlin holds the repeated hour: nine real hours.
    expect(businessTimeBetween(nightDesk, Date.parse('2026-10-24T12:00:00Z'), Date.parse('2026-10-25T12:00:00Z'))).toBe(9 * HOUR);
    // Sat 28 Mar 22:00 → Sun 29 Mar 06:00 loses an hour: seven.
    expect(businessTimeBetween(nightDesk, Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-29T12:00:00Z'))).toBe(7 * HOUR);
    const always = { ...shanghaiShop, alwaysOpen: true };
    expect(addBusinessTime(always, shanghai('2026-10-01T08:00:00'), 30 * HOUR)).toBe(shanghai('2026-10-02T14:00:00'));
  });

  it('refuses a calendar with no working hours rather than looping', () => {
    const closed: BusinessCalendar = { ...shanghaiShop, week: Array.from({ length: 7 }, () => []) };
    expect(() => addBusinessTime(closed, Date.now(), HOUR)).toThrow('no working hours');
  });
});
