import { useId } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldErrorMessage } from '../../../app/ui/FieldErrorMessage';

/**
 * The "Private" checkbox of a contact, company or deal form, with what it means and the core's
 * refusal (staff keep private only what they own) shown next to it.
 */
export function PrivateField({ registration, error }: { registration: UseFormRegisterReturn<'isPrivate'>; error?: FieldError | undefined }) {
  const { t } = useTranslation();
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="field field--checkbox">
      <label className="checkbox-row">
        <input type="checkbox" aria-describedby={error ? `${hintId} ${errorId}` : hintId} aria-invalid={error ? true : undefined} {...registration} />
        <span>{t('privacy.field')}</span>
      </label>
      <p id={hintId} className="field__hint">
        {t('privacy.fieldHint')}
      </p>
      {error ? <FieldErrorMessage id={errorId} error={error} /> : null}
    </div>
  );
}
