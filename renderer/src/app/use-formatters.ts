import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormatters } from './formatters';

/** Dates, times, numbers and money through Intl in the language the user chose (see formatters.ts). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => createFormatters(locale), [locale]);
}
