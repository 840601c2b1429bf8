import { z } from 'zod';

/**
 * Money is integer minor units plus an ISO 4217 code, never floats. These pure functions are the
 * only place line and order totals are computed; the core stores their results and the renderer
 * uses them to preview a quote while it is being typed.
 */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as CNY or USD');

/** Up to a trillion minor units: far beyond any shop's order, far below 2^53 even when multiplied. */
export const MAX_MINOR = 1_000_000_000_000;
export const minorAmount = z
  .number()
  .int('Amounts are whole minor units (cents, fen)')
  .min(0, 'Enter 0 or more')
  .max(MAX_MINOR, `At most ${MAX_MINOR} minor units`);

export const MAX_QUANTITY = 1_000_000;
export const BASIS_POINTS_100_PERCENT = 10_000;

export const lineDiscount = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  /** Percent in basis points: 1250 = 12.5 %. */
  z.object({ type: z.literal('percent'), basisPoints: z.number().int().min(0, 'Enter 0 or more').max(BASIS_POINTS_100_PERCENT, 'At most 100 %') }),
  z.object({ type: z.literal('amount'), amountMinor: minorAmount }),
]);
export type LineDiscount = z.infer<typeof lineDiscount>;

export interface LineAmounts {
  grossMinor: number;
  discountMinor: number;
  totalMinor: number;
}

/** Rounds numerator/denominator to the nearest integer, halves away from zero, in exact integer arithmetic. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

/**
 * One line: quantity × unit price, less its discount, each step exact; a percent discount is rounded
 * to the minor unit once, on the line. An amount discount larger than the line is an error.
 */
export function computeLine(quantity: number, unitPriceMinor: number, discount: LineDiscount): LineAmounts {
  const gross = BigInt(quantity) * BigInt(unitPriceMinor);
  if (gross > BigInt(MAX_MINOR)) throw new RangeError('The line total is too large');
  let off = 0n;
  if (discount.type === 'percent') off = divideRounded(gross * BigInt(discount.basisPoints), BigInt(BASIS_POINTS_100_PERCENT));
  if (discount.type === 'amount') off = BigInt(discount.amountMinor);
  if (off > gross) throw new RangeError('The discount is larger than the line');
  return { grossMinor: Number(gross), discountMinor: Number(off), totalMinor: Number(gross - off) };
}

export interface OrderAmounts {
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
}

/** The order total is the sum of the rounded line totals: what the customer sees adds up. */
export function computeTotals(lines: LineAmounts[]): OrderAmounts {
  return lines.reduce(
    (sum, line) => ({
      subtotalMinor: sum.subtotalMinor + line.grossMinor,
      discountMinor: sum.discountMinor + line.discountMinor,
      totalMinor: sum.totalMinor + line.totalMinor,
    }),
    { subtotalMinor: 0, discountMinor: 0, totalMinor: 0 },
  );
}

/** Digits after the decimal point for a currency (JPY 0, CNY 2, KWD 3), from the platform's data. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Formats minor units for display, in the given locale. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    amountMinor / 10 ** digits,
  );
}

/** What is wrong with a typed amount, for a message that says what is allowed (null: it parses). */
export function moneyInputIssue(text: string, currency: string): 'format' | 'negative' | 'decimals' | 'tooLarge' | null {
  if (parseMoney(text.trim() || '0', currency) !== null) return null;
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  if (/^-\d+(\.\d*)?$/.test(cleaned)) return 'negative';
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return 'format';
  if ((match[2] ?? '').length > minorDigits(currency)) return 'decimals';
  return 'tooLarge';
}

/**
 * Parses what a person typed ("1,234.5", "1234") into minor units without floating point,
 * or returns null when it is not a plain non-negative amount with at most the currency's digits.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = BigInt(match[1]!) * 10n ** BigInt(digits) + BigInt((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  return minor <= BigInt(MAX_MINOR) ? Number(minor) : null;
}
