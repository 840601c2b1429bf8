import { useTranslation } from 'react-i18next';
import { currencyChoices } from '../currencies';

/** The <option>s of a currency <select>: every ISO currency, `first` on top, named in the interface language. */
export function CurrencyOptions({ first }: { first: readonly string[] }) {
  const { i18n } = useTranslation();
  return currencyChoices(i18n.language, first).map((currency) => (
    <option key={currency.code} value={currency.code}>
      {currency.label}
    </option>
  ));
}
