import { describe, expect, it } from 'vitest';
import { validationMessage } from '../../renderer/src/i18n/validation-messages';
import { en } from '../../renderer/src/i18n/en';
import { MAX_MINOR, minorAmount, moneyInputIssue } from './money';
import { contactCreate } from './people';
import { orderLineInput, productCreate } from './sales';
import { activityCreate } from './work';

/** The first issue message zod gives for `input` at `path`. */
function messageAt(schema: { safeParse: (input: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown, path: string) {
  const result = schema.safeParse(input);
  return result.error?.issues.find((issue) => issue.path.join('.') === path)?.message;
}

describe('validation messages say what is wrong and what is allowed', () => {
  const link = { contactId: 1 };
  it('the contract states each limit, and the renderer maps it to a key with the number', () => {
    const cases: [string | undefined, string, Record<string, number> | undefined][] = [
      [messageAt(activityCreate, { channel: 'call', subject: 'x', durationMinutes: -5, ...link }, 'durationMinutes'), 'validation.durationAtLeast', { min: 0 }],
      [messageAt(activityCreate, { channel: 'call', subject: 'x', durationMinutes: 1.5, ...link }, 'durationMinutes'), 'validation.wholeMinutes', undefined],
      [messageAt(activityCreate, { channel: 'call', subject: 'x', durationMinutes: 2000, ...link }, 'durationMinutes'), 'validation.durationAtMost', { max: 1440 }],
      [messageAt(activityCreate, { channel: 'call', subject: 'x'.repeat(201), ...link }, 'subject'), 'validation.maxLength', { max: 200 }],
      [messageAt(contactCreate, { name: '' }, 'name'), 'validation.required', undefined],
      [messageAt(contactCreate, { name: 'A', jobTitle: 'x'.repeat(500) }, 'jobTitle'), 'validation.maxLength', { max: 200 }],
      [messageAt(productCreate, { sku: 'A', name: 'B', unitPriceMinor: -1, currency: 'USD' }, 'unitPriceMinor'), 'validation.atLeast', { min: 0 }],
      [messageAt(productCreate, { sku: 'A', name: 'B', unitPriceMinor: MAX_MINOR + 1, currency: 'USD' }, 'unitPriceMinor'), 'validation.amountTooLarge', { max: MAX_MINOR }],
      [messageAt(orderLineInput, { productId: null, description: 'x', quantity: 0, unitPriceMinor: 1 }, 'quantity'), 'validation.atLeast', { min: 1 }],
      [messageAt(orderLineInput, { productId: null, description: 'x', quantity: 1.5, unitPriceMinor: 1 }, 'quantity'), 'validation.wholeNumber', undefined],
    ];
    for (const [message, key, values] of cases) {
      expect(message, key).toBeDefined();
      expect(validationMessage(message, undefined), message).toEqual(values ? { key, values } : { key });
      // The key exists in the English resources.
      const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
      expect(typeof text, key).toBe('string');
    }
    expect(minorAmount.safeParse(MAX_MINOR).success).toBe(true);
  });

  it('a typed amount says which rule it broke', () => {
    expect(moneyInputIssue('12.50', 'USD')).toBeNull();
    expect(moneyInputIssue('', 'USD')).toBeNull();
    expect(moneyInputIssue('-3', 'USD')).toBe('negative');
    expect(moneyInputIssue('1.234', 'USD')).toBe('decimals');
    expect(moneyInputIssue('1.5', 'JPY')).toBe('decimals');
    expect(moneyInputIssue('10000000001', 'USD')).toBe('tooLarge');
    expect(moneyInputIssue('10000000000.00', 'USD')).toBeNull();
    expect(moneyInputIssue('12 dollars', 'USD')).toBe('format');
  });
});
