import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { messageValues, validationMessage } from '../../i18n/validation-messages';
import { useFormatters } from '../use-formatters';

/** Shows a zod (client) or VALIDATION (server) issue in the user's language, with the limit it states. */
export function FieldErrorMessage({ id, error }: { id: string; error: FieldError }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const known = validationMessage(error.message, error.type);
  return (
    <p id={id} className="field__error" role="alert">
      {known ? t(known.key, messageValues(known, format.number)) : error.message}
    </p>
  );
}
