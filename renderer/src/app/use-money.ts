import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MINOR, minorDigits, moneyInputIssue } from '../../../db/contract/money';
import { useFormatters } from './use-formatters';

/** Formats integer minor units in the interface language (never through floats the user typed). */
export function useMoney() {
  return useFormatters().money;
}

/** Minor units as the plain decimal text an amount input holds ("1234.50"), exact. */
export function minorToInput(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return `${amountMinor < 0 ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Says what is wrong with a typed amount and what is allowed ("At most ¥10,000,000,000.00"), or null when it parses. */
export type AmountMessage = (text: string, currency: string) => string | null;

export function useAmountMessage(): AmountMessage {
  const { t } = useTranslation();
  const money = useMoney();
  return useCallback(
    (text: string, currency: string) => {
      const issue = moneyInputIssue(text, currency);
      if (issue === null) return null;
      if (issue === 'negative') return t('money.negative');
      if (issue === 'decimals') {
        const digits = minorDigits(currency);
        return digits === 0 ? t('money.decimalsNone') : t('money.decimals', { count: digits });
      }
      if (issue === 'tooLarge') return t('money.tooLarge', { max: money(MAX_MINOR, currency) });
      return t('money.invalid');
    },
    [t, money],
  );
}
