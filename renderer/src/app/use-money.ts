import { minorDigits } from '../../../db/contract/money';
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
