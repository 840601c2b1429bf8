import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { validationMessageKey } from '../../i18n/validation-messages';

/** Shows a zod (client) or VALIDATION (server) issue in the user's language. */
export function FieldErrorMessage({ id, error }: { id: string; error: FieldError }) {
  const { t } = useTranslation();
  const key = validationMessageKey(error.message, error.type);
  return (
    <p id={id} className="field__error" role="alert">
      {key ? t(key) : error.message}
    </p>
  );
}
