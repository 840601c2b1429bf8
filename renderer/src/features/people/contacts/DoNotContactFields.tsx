import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DO_NOT_CONTACT_CHANNELS } from '../../../../../db/contract/people';
import type { ContactFormValues } from './contact-form-values';

/** The audit log names these columns dncEmail, dncPhone…; the same labels serve both. */
const DNC_FIELD = { email: 'dncEmail', phone: 'dncPhone', sms: 'dncSms', mail: 'dncMail' } as const;

export function DoNotContactFields({ register }: { register: UseFormRegister<ContactFormValues> }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">{t('fields.doNotContact')}</legend>
      <p className="field__hint">{t('contactForm.doNotContactHint')}</p>
      <div className="checkbox-grid">
        {DO_NOT_CONTACT_CHANNELS.map((channel) => (
          <label key={channel} className="checkbox-row">
            <input type="checkbox" {...register(`doNotContact.${channel}` as const)} />
            <span>{t(`fields.${DNC_FIELD[channel]}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
