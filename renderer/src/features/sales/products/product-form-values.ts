import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { parseMoney } from '../../../../../db/contract/money';
import { productCreate, type Product } from '../../../../../db/contract/sales';
import { minorToInput, type AmountMessage } from '../../../app/use-money';

export interface ProductFormValues {
  sku: string;
  name: string;
  unitPrice: string;
  cost: string;
  currency: string;
  category: string;
  active: boolean;
}

export function emptyProductForm(currency: string): ProductFormValues {
  return { sku: '', name: '', unitPrice: '', cost: '', currency, category: '', active: true };
}

export function productToFormValues(product: Product): ProductFormValues {
  return {
    sku: product.sku,
    name: product.name,
    unitPrice: minorToInput(product.unitPriceMinor, product.currency),
    cost: product.costMinor === null ? '' : minorToInput(product.costMinor, product.currency),
    currency: product.currency,
    category: product.category ?? '',
    active: product.active,
  };
}

export function formValuesToProductInput(values: ProductFormValues) {
  const currency = values.currency.trim().toUpperCase();
  const unitPriceMinor = parseMoney(values.unitPrice.trim() || '0', currency);
  const costMinor = values.cost.trim() ? parseMoney(values.cost, currency) : null;
  return {
    valid: { unitPrice: unitPriceMinor !== null, cost: !values.cost.trim() || costMinor !== null },
    input: { sku: values.sku, name: values.name, unitPriceMinor: unitPriceMinor ?? 0, costMinor, currency, category: values.category, active: values.active },
  };
}

export function productFormResolver(amountMessage: AmountMessage): Resolver<ProductFormValues> {
  const contract = zodResolver(productCreate);
  return async (values, context, options) => {
    const { input, valid } = formValuesToProductInput(values);
    const result = await contract(input, context, options as any);
    const errors = { ...(result.errors as Record<string, any>) };
    if (errors.unitPriceMinor) errors.unitPrice = errors.unitPriceMinor;
    if (errors.costMinor) errors.cost = errors.costMinor;
    delete errors.unitPriceMinor;
    delete errors.costMinor;
    if (!valid.unitPrice) errors.unitPrice = { type: 'custom', message: amountMessage(values.unitPrice, input.currency) };
    if (!valid.cost) errors.cost = { type: 'custom', message: amountMessage(values.cost, input.currency) };
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}
