import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { validationMessage } from '../../i18n/validation-messages';
import { useFormatters } from '../use-formatters';

/** Shows a zod (client) or VALIDATION (server) issue in the user's language, with the limit it states. */
export function FieldErrorMessage({ id, error }: { id: string; error: FieldError }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const known = validationMessage(error.message, error.type);
  const values = Object.fromEntries(Object.entries(known?.values ?? {}).map(([name, value]) => [name, format.number(value)]));
  return (
    <p id={id} className="field__error" role="alert">
      {known ? t(known.key, values) : error.message}
    </p>
  );
}
