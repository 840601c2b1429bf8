import countryToCurrency from 'country-to-currency';
import type { Locale } from '../../../../../db/contract/system';

/** The language a new workspace is offered in: Chinese for any zh* system or browser language. */
export function defaultWorkspaceLocale(languages: readonly string[]): Locale {
  return languages[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The shop's likely currency, from the region of the first system or browser language that names
 * one (a bare "zh" or "en" stands for its most likely region: CN, US). Editable on the first-run
 * screen; this is only the starting value.
 */
export function defaultCurrency(languages: readonly string[]): string {
  for (const tag of languages) {
    let region: string | undefined;
    try {
      region = new Intl.Locale(tag).maximize().region;
    } catch {
      continue;
    }
    const currency = region ? (countryToCurrency as Record<string, string | undefined>)[region] : undefined;
    if (currency) return currency;
  }
  return 'USD';
}
