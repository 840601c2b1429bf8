import { describe, expect, it } from 'vitest';
import { currencyChoices } from '../../../app/currencies';
import { defaultCurrency, defaultWorkspaceLocale } from './first-run-defaults';

describe('first-run defaults from the system or browser languages', () => {
  it('offers Chinese for any zh language and English otherwise', () => {
    expect(defaultWorkspaceLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(defaultWorkspaceLocale(['zh-TW'])).toBe('zh-CN');
    expect(defaultWorkspaceLocale(['zh'])).toBe('zh-CN');
    expect(defaultWorkspaceLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(defaultWorkspaceLocale([])).toBe('en');
  });

  it('takes the currency from the region, and a bare language from its likely region', () => {
    expect(defaultCurrency(['zh-CN'])).toBe('CNY');
    expect(defaultCurrency(['zh'])).toBe('CNY');
    expect(defaultCurrency(['zh-HK'])).toBe('HKD');
    expect(defaultCurrency(['zh-TW'])).toBe('TWD');
    expect(defaultCurrency(['en-US'])).toBe('USD');
    expect(defaultCurrency(['en-GB'])).toBe('GBP');
    expect(defaultCurrency(['de-DE'])).toBe('EUR');
    expect(defaultCurrency(['ja'])).toBe('JPY');
    expect(defaultCurrency(['not a tag', 'fr-CH'])).toBe('CHF');
    expect(defaultCurrency([])).toBe('USD');
  });

  it('lists the likely currencies first, each once, named in the interface language', () => {
    const choices = currencyChoices('zh-CN', ['CNY', 'USD']);
    expect(choices.slice(0, 2).map((choice) => choice.code)).toEqual(['CNY', 'USD']);
    expect(choices[0]!.label).toBe('CNY · 人民币');
    expect(new Set(choices.map((choice) => choice.code)).size).toBe(choices.length);
    expect(choices.some((choice) => choice.code === 'EUR')).toBe(true);
    expect(currencyChoices('en', ['GBP'])[0]!.label).toBe('GBP · British Pound');
  });
});
