import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import {
  BASIS_POINTS_100_PERCENT,
  computeLine,
  computeTotals,
  MAX_QUANTITY,
  parseMoney,
  type LineAmounts,
  type LineDiscount,
  type OrderAmounts,
} from '../../../../../db/contract/money';
import { orderCreate, type Order, type OrderCreateInput, type OrderLineInput, type ORDER_KINDS } from '../../../../../db/contract/sales';
import { minorToInput } from '../../../app/use-money';
import type { RecordChoice } from '../../system/search/RecordPicker';
import type { AmountMessage } from '../../../app/use-money';

export type DiscountType = LineDiscount['type'];

export interface OrderLineValues {
  productId: number | null;
  /** The picked product's SKU, shown in the picker (not sent). */
  productLabel: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discountType: DiscountType;
  discountValue: string;
}

export interface OrderFormValues {
  kind: (typeof ORDER_KINDS)[number];
  customer: RecordChoice | null;
  currency: string;
  note: string;
  lines: OrderLineValues[];
}

export const EMPTY_LINE: OrderLineValues = { productId: null, productLabel: '', description: '', quantity: '1', unitPrice: '', discountType: 'none', discountValue: '' };

/** "12.5" → 1250 basis points; at most two decimals and 100 %. Exact: no floating point. */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{0,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= BASIS_POINTS_100_PERCENT ? basisPoints : null;
}

export function basisPointsToText(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = basisPoints % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

export type LineIssue = 'quantity' | 'unitPrice' | 'discountValue' | 'discountTooLarge' | 'tooLarge';

export interface ParsedLine {
  input: OrderLineInput | null;
  amounts: LineAmounts | null;
  issues: Partial<Record<'quantity' | 'unitPrice' | 'discountValue' | 'description', LineIssue>>;
}

/** One line as typed → the contract's line and its exact amounts (the same computeLine the core uses). */
export function parseLine(line: OrderLineValues, currency: string): ParsedLine {
  const issues: ParsedLine['issues'] = {};
  const quantityText = line.quantity.trim();
  const quantity = /^\d+$/.test(quantityText) ? Number(quantityText) : null;
  if (quantity === null || quantity < 1 || quantity > MAX_QUANTITY) issues.quantity = 'quantity';
  const unitPriceMinor = parseMoney(line.unitPrice.trim() || '0', currency);
  if (unitPriceMinor === null) issues.unitPrice = 'unitPrice';
  let discount: LineDiscount = { type: 'none' };
  if (line.discountType === 'percent') {
    const basisPoints = parsePercent(line.discountValue || '0');
    if (basisPoints === null) issues.discountValue = 'discountValue';
    else discount = { type: 'percent', basisPoints };
  } else if (line.discountType === 'amount') {
    const amountMinor = parseMoney(line.discountValue.trim() || '0', currency);
    if (amountMinor === null) issues.discountValue = 'discountValue';
    else discount = { type: 'amount', amountMinor };
  }
  if (quantity === null || unitPriceMinor === null || Object.keys(issues).length > 0) return { input: null, amounts: null, issues };
  let amounts: LineAmounts | null = null;
  try {
    amounts = computeLine(quantity, unitPriceMinor, discount);
  } catch (error) {
    if (error instanceof RangeError && /discount/i.test(error.message)) issues.discountValue = 'discountTooLarge';
    else issues.unitPrice = 'tooLarge';
  }
  return { input: { productId: line.productId, description: line.description, quantity, unitPriceMinor, discount }, amounts, issues };
}

/** Live totals of what is typed so far: lines that do not parse yet are left out. */
export function previewTotals(lines: OrderLineValues[], currency: string): { lines: ParsedLine[]; totals: OrderAmounts } {
  const parsed = lines.map((line) => parseLine(line, currency));
  return { lines: parsed, totals: computeTotals(parsed.flatMap((line) => (line.amounts ? [line.amounts] : []))) };
}

export function orderLinesToValues(order: Pick<Order, 'lines' | 'currency'>): OrderLineValues[] {
  return order.lines.map((line) => ({
    productId: line.productId,
    productLabel: line.productSku ?? '',
    description: line.description,
    quantity: String(line.quantity),
    unitPrice: minorToInput(line.unitPriceMinor, order.currency),
    discountType: line.discount.type,
    discountValue:
      line.discount.type === 'percent' ? basisPointsToText(line.discount.basisPoints) : line.discount.type === 'amount' ? minorToInput(line.discount.amountMinor, order.currency) : '',
  }));
}

export function formValuesToOrderInput(values: OrderFormValues, dealId: number | null): OrderCreateInput {
  const currency = values.currency.trim().toUpperCase();
  const customer = values.customer;
  return {
    kind: values.kind,
    contactId: customer?.kind === 'contact' ? customer.id : null,
    companyId: customer?.kind === 'company' ? customer.id : null,
    dealId,
    currency,
    note: values.note,
    lines: values.lines.map((line) => parseLine(line, currency).input ?? { productId: null, description: line.description, quantity: 0, unitPriceMinor: 0 }),
  };
}

/** Validates lines as typed (exact parsing) and the rest with the contract's `orderCreate`. */
export function orderFormResolver(dealId: number | null, messages: Record<LineIssue, string>, amountMessage: AmountMessage): Resolver<OrderFormValues> {
  const contract = zodResolver(orderCreate);
  return async (values, context, options) => {
    const currency = values.currency.trim().toUpperCase();
    const result = await contract(formValuesToOrderInput(values, dealId), context, options as any);
    const errors = { ...(result.errors as Record<string, any>) };
    const lineErrors: Record<string, { type: string; message: string }>[] = Array.isArray(errors.lines) ? [...errors.lines] : [];
    values.lines.forEach((line, index) => {
      const parsed = parseLine(line, currency);
      const fromContract = (lineErrors[index] ?? {}) as Record<string, any>;
      const merged: Record<string, { type: string; message: string }> = {};
      if (fromContract.description) merged.description = fromContract.description;
      for (const [field, issue] of Object.entries(parsed.issues)) {
        // A typed amount says what is wrong with it (negative, too many decimals, above the maximum).
        const amountText = issue === 'unitPrice' ? line.unitPrice : issue === 'discountValue' && line.discountType === 'amount' ? line.discountValue : null;
        merged[field] = { type: 'custom', message: (amountText !== null ? amountMessage(amountText, currency) : null) ?? messages[issue] };
      }
      if (Object.keys(merged).length > 0) lineErrors[index] = merged;
      else delete lineErrors[index];
    });
    if (lineErrors.some(Boolean)) errors.lines = lineErrors;
    else if (Array.isArray(errors.lines)) delete errors.lines;
    if (errors.contactId) {
      errors.customer = errors.contactId;
      delete errors.contactId;
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}
