import { describe, expect, it } from 'vitest';
import { createFormatters } from './formatters';

// A moment and the calendar date it falls on, in the time zone the test runs in.
const moment = new Date(2026, 10, 2, 15, 30).getTime();

describe('one format per language', () => {
  const en = createFormatters('en');
  const zh = createFormatters('zh-CN');

  it('writes a calendar date and a moment on that day the same way', () => {
    expect(en.isoDate('2026-11-02')).toBe('Nov 2, 2026');
    expect(en.date(moment)).toBe('Nov 2, 2026');
    expect(zh.isoDate('2026-11-02')).toBe('2026年11月2日');
    expect(zh.date(moment)).toBe('2026年11月2日');
  });

  it('puts the time after that same date', () => {
    expect(en.dateTime(moment)).toBe(`${en.date(moment)}, ${en.time(moment)}`);
    expect(en.time(moment)).toMatch(/^3:30\sPM$/);
    expect(zh.dateTime(moment)).toBe('2026年11月2日 15:30');
  });

  it('names days and months from the same parts', () => {
    expect(en.day(moment)).toBe('Monday, Nov 2, 2026');
    expect(zh.day(moment)).toBe('2026年11月2日星期一');
    expect(en.month('2026-11')).toBe('November 2026');
    expect(zh.month('2026-11')).toBe('2026年11月');
    expect(en.month('2026-01', 'short')).toBe('Jan 26');
    expect(zh.monthName(11)).toBe('11月');
    expect(zh.year(2026)).toBe('2026年');
  });

  it('never shifts a calendar date across a time zone', () => {
    // Midnight UTC of the 1st is still the 31st west of Greenwich; the stored date must not move.
    expect(en.isoDate('2027-01-01')).toBe('Jan 1, 2027');
    expect(en.month('2027-01')).toBe('January 2027');
  });

  it('formats numbers, percentages and money in the language', () => {
    expect(en.number(1234567)).toBe('1,234,567');
    expect(en.percent(0.125)).toBe('12.5%');
    expect(zh.percent(0.5)).toBe('50%');
    expect(en.money(123450, 'USD')).toBe('$1,234.50');
    expect(zh.money(123450, 'CNY')).toBe('¥1,234.50');
    expect(en.money(5, 'JPY')).toBe('¥5');
    expect(zh.compactMoney(123456, 'CNY')).toBe('¥12.3万');
  });

  it('says how long ago, falling back to the date after a month', () => {
    const now = moment;
    expect(en.relative(now - 5 * 60_000, now)).toBe('5 min. ago');
    expect(en.relative(now + 86_400_000, now)).toBe('tomorrow');
    expect(en.relative(now - 40 * 86_400_000, now)).toBe(en.date(now - 40 * 86_400_000));
  });
});
