import { formatMoney } from '../../../db/contract/money';

/**
 * Every date, time, number and amount the renderer shows goes through these, so one language has
 * one format on every screen: en "Nov 2, 2026" / "Nov 2, 2026, 3:30 PM", zh "2026年11月2日" /
 * "2026年11月2日 15:30". Calendar values (YYYY-MM-DD, YYYY-MM) carry no time zone and are never shifted.
 */
export function createFormatters(locale: string) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'short', day: 'numeric' });
  const monthLong = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const calendarMs = (value: string) => {
    const [year = 1970, month = 1, dayOfMonth = 1] = value.split('-').map(Number);
    return Date.UTC(year, month - 1, dayOfMonth);
  };
  return {
    locale,
    /** A moment (epoch ms) as a date in local time. */
    date: (ms: number) => date.format(ms),
    /** A calendar date stored as YYYY-MM-DD (no time zone shift), in the same format as `date`. */
    isoDate: (value: string) => calendarDate.format(calendarMs(value)),
    /** A moment as date and time. */
    dateTime: (ms: number) => dateTime.format(ms),
    /** A moment's time of day. */
    time: (ms: number) => time.format(ms),
    /** A day with its weekday, for headings ("Monday, Nov 2, 2026", "2026年11月2日星期一"). */
    day: (ms: number) => day.format(ms),
    /** A month stored as YYYY-MM: long "November 2026" / "2026年11月", short "Nov 26" / "26年11月" (chart axes). */
    month: (key: string, style: 'short' | 'long' = 'long') => (style === 'long' ? monthLong : monthShort).format(calendarMs(`${key}-01`)),
    /** The name of month 1–12 alone ("Nov", "11月"), for a month grid. */
    monthName: (month: number) => monthName.format(Date.UTC(2000, month - 1, 1)),
    /** A year alone ("2026", "2026年"). */
    year: (value: number) => year.format(Date.UTC(value, 0, 1)),
    number: (value: number) => number.format(value),
    /** A fraction as a percentage: 0.125 → "12.5%". */
    percent: (fraction: number) => percent.format(fraction),
    /** Integer minor units of a currency. */
    money: (amountMinor: number, currency: string) => {
      try {
        return formatMoney(amountMinor, currency, locale);
      } catch {
        return `${currency} ${amountMinor}`;
      }
    },
    /** A short amount for chart axes ("CN¥123.5K", "¥12.3万"); `amount` is in major units. */
    compactMoney: (amount: number, currency: string) => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
      } catch {
        return `${currency} ${amount}`;
      }
    },
    /** "in 3 days", "5 min ago"; a month or more away falls back to the date. */
    relative: (ms: number, now = Date.now()) => {
      const seconds = Math.round((ms - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 60) return relative.format(seconds, 'second');
      if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
      if (abs < 86_400 * 30) return relative.format(Math.round(seconds / 86_400), 'day');
      return date.format(ms);
    },
  };
}

export type Formatters = ReturnType<typeof createFormatters>;
