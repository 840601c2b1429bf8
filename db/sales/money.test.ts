import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASIS_POINTS_100_PERCENT,
  MAX_MINOR,
  computeLine,
  computeTotals,
  formatMoney,
  minorDigits,
  parseMoney,
  type LineAmounts,
  type LineDiscount,
} from '../contract/money';

// Sizes a shop meets, kept small enough that 500 lines stay below MAX_MINOR per line.
const quantityArb = fc.integer({ min: 1, max: 10_000 });
const unitPriceArb = fc.integer({ min: 0, max: 50_000_000 });

/** A line with a discount that is valid for it (an amount never above the line's gross). */
const lineArb = fc
  .record({ quantity: quantityArb, unitPriceMinor: unitPriceArb })
  .chain(({ quantity, unitPriceMinor }) => {
    const gross = quantity * unitPriceMinor;
    const discountArb: fc.Arbitrary<LineDiscount> = fc.oneof(
      fc.constant({ type: 'none' as const }),
      fc.integer({ min: 0, max: BASIS_POINTS_100_PERCENT }).map((basisPoints) => ({ type: 'percent' as const, basisPoints })),
      fc.integer({ min: 0, max: gross }).map((amountMinor) => ({ type: 'amount' as const, amountMinor })),
    );
    return discountArb.map((discount) => ({ quantity, unitPriceMinor, discount }));
  });

const priced = (line: { quantity: number; unitPriceMinor: number; discount: LineDiscount }) =>
  computeLine(line.quantity, line.unitPriceMinor, line.discount);

const allSafeIntegers = (amounts: object) => Object.values(amounts).every((value) => Number.isSafeInteger(value));

describe('line and order totals (property-based)', () => {
  it('the order total is the sum of the rounded line totals, and subtotal − discount = total', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 40 }), (lines) => {
        const amounts = lines.map(priced);
        const totals = computeTotals(amounts);
        expect(totals.totalMinor).toBe(amounts.reduce((sum, line) => sum + line.totalMinor, 0));
        expect(totals.subtotalMinor).toBe(amounts.reduce((sum, line) => sum + line.grossMinor, 0));
        expect(totals.subtotalMinor - totals.discountMinor).toBe(totals.totalMinor);
        expect(totals.totalMinor).toBeGreaterThanOrEqual(0);
        expect(allSafeIntegers(totals)).toBe(true);
        for (const [index, line] of amounts.entries()) {
          expect(allSafeIntegers(line)).toBe(true);
          expect(line.grossMinor).toBe(lines[index]!.quantity * lines[index]!.unitPriceMinor);
          expect(line.grossMinor - line.discountMinor).toBe(line.totalMinor);
          expect(line.discountMinor).toBeGreaterThanOrEqual(0);
          expect(line.discountMinor).toBeLessThanOrEqual(line.grossMinor);
        }
      }),
    );
  });

  it('does not drift when the lines are reordered', () => {
    const linesAndPermutation = fc
      .array(lineArb, { minLength: 1, maxLength: 30 })
      .chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })));
    fc.assert(
      fc.property(linesAndPermutation, ([lines, reordered]) => {
        expect(computeTotals(reordered.map(priced))).toEqual(computeTotals(lines.map(priced)));
      }),
    );
  });

  it('does not drift when a quantity is split into two lines without discount', () => {
    fc.assert(
      fc.property(quantityArb, quantityArb, unitPriceArb, (first, second, unitPriceMinor) => {
        const whole = computeLine(first + second, unitPriceMinor, { type: 'none' });
        const split = computeTotals([computeLine(first, unitPriceMinor, { type: 'none' }), computeLine(second, unitPriceMinor, { type: 'none' })]);
        expect(split).toEqual({ subtotalMinor: whole.grossMinor, discountMinor: 0, totalMinor: whole.totalMinor });
      }),
    );
  });

  it('rounds a percent discount once per line, to the nearest minor unit, halves up', () => {
    fc.assert(
      fc.property(quantityArb, unitPriceArb, fc.integer({ min: 0, max: BASIS_POINTS_100_PERCENT }), (quantity, unitPriceMinor, basisPoints) => {
        const line = computeLine(quantity, unitPriceMinor, { type: 'percent', basisPoints });
        // Exact rational discount = gross × bp / 10000; the rounded one is within half a unit, ties up.
        const exactTimes10000 = BigInt(line.grossMinor) * BigInt(basisPoints);
        const error = BigInt(line.discountMinor) * 10_000n - exactTimes10000;
        expect(error > -5_000n && error <= 5_000n).toBe(true);
      }),
    );
  });

  it('0 % leaves the gross, 100 % makes the line free', () => {
    fc.assert(
      fc.property(quantityArb, unitPriceArb, (quantity, unitPriceMinor) => {
        const gross = quantity * unitPriceMinor;
        expect(computeLine(quantity, unitPriceMinor, { type: 'percent', basisPoints: 0 })).toEqual({ grossMinor: gross, discountMinor: 0, totalMinor: gross });
        expect(computeLine(quantity, unitPriceMinor, { type: 'percent', basisPoints: BASIS_POINTS_100_PERCENT })).toEqual({
          grossMinor: gross,
          discountMinor: gross,
          totalMinor: 0,
        });
      }),
    );
  });

  it('refuses an amount discount larger than the line, and a line above the maximum', () => {
    fc.assert(
      fc.property(quantityArb, unitPriceArb, fc.integer({ min: 1, max: 1_000_000 }), (quantity, unitPriceMinor, excess) => {
        const gross = quantity * unitPriceMinor;
        expect(() => computeLine(quantity, unitPriceMinor, { type: 'amount', amountMinor: gross + excess })).toThrow(RangeError);
        expect(computeLine(quantity, unitPriceMinor, { type: 'amount', amountMinor: gross }).totalMinor).toBe(0);
      }),
    );
    expect(() => computeLine(1_000_000, MAX_MINOR, { type: 'none' })).toThrow(RangeError);
    expect(computeLine(1, MAX_MINOR, { type: 'none' }).totalMinor).toBe(MAX_MINOR);
  });

  it('stays exact where floating point would not: 0.1 + 0.2 and 3 × 33.33 with 1/3 off', () => {
    const lines: LineAmounts[] = [computeLine(1, 10, { type: 'none' }), computeLine(1, 20, { type: 'none' })];
    expect(computeTotals(lines).totalMinor).toBe(30);
    // 9999 × 3333 bp / 10000 = 3332.6667 → 3333
    expect(computeLine(3, 3333, { type: 'percent', basisPoints: 3333 })).toEqual({ grossMinor: 9999, discountMinor: 3333, totalMinor: 6666 });
    // A tie rounds up: 5 × 10 % = 0.5 → 1
    expect(computeLine(1, 5, { type: 'percent', basisPoints: 1000 }).discountMinor).toBe(1);
  });
});

describe('parsing and formatting money (property-based)', () => {
  const CURRENCIES = ['CNY', 'USD', 'JPY', 'KWD'] as const;
  const amountArb = fc.integer({ min: 0, max: MAX_MINOR });

  /** The plain decimal a person would type for an amount, built with integer arithmetic only. */
  const plainDecimal = (amountMinor: number, digits: number) => {
    if (digits === 0) return String(amountMinor);
    const text = String(amountMinor).padStart(digits + 1, '0');
    return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  };

  it('knows each currency’s minor digits', () => {
    expect(CURRENCIES.map(minorDigits)).toEqual([2, 2, 0, 3]);
  });

  it('parses what it formats, back to the same minor units, in English and Chinese locales', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.constantFrom('en', 'zh-CN'), amountArb, (currency, locale, amountMinor) => {
        const shown = formatMoney(amountMinor, currency, locale);
        // What a person copies from the screen: the number without the currency sign.
        const typed = shown.replace(/[^\d.,]/g, '');
        const parsed = parseMoney(typed, currency);
        expect(parsed).toBe(amountMinor);
        expect(Number.isSafeInteger(parsed)).toBe(true);
      }),
    );
  });

  it('parses plain decimals exactly and refuses more digits than the currency has', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), amountArb, (currency, amountMinor) => {
        const digits = minorDigits(currency);
        expect(parseMoney(plainDecimal(amountMinor, digits), currency)).toBe(amountMinor);
        expect(parseMoney(`${plainDecimal(amountMinor, digits)}${digits === 0 ? '.5' : '5'}`, currency)).toBeNull();
      }),
    );
  });

  it('refuses what is not a plain non-negative amount', () => {
    for (const text of ['-1', '1e3', 'abc', '', '.', '1.2.3', '１２']) expect(parseMoney(text, 'USD')).toBeNull();
    expect(parseMoney(`${MAX_MINOR / 100 + 1}`, 'USD')).toBeNull();
    expect(parseMoney('1,234.5', 'USD')).toBe(123_450);
    expect(parseMoney(' 12 ', 'JPY')).toBe(12);
  });
});
