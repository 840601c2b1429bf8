import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and numbers through Intl in the language the user chose. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    return {
      locale,
      date: (ms: number) => date.format(ms),
      /** A calendar date stored as YYYY-MM-DD (no time zone shift). */
      isoDate: (value: string) => {
        const [year, month, day] = value.split('-').map(Number);
        return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1),
        );
      },
      dateTime: (ms: number) => dateTime.format(ms),
      number: (value: number) => number.format(value),
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
  }, [locale]);
}
