import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CHANNEL_LABELS, type ContactCreate } from '../../../../../db/contract/people';
import { FieldErrorMessage } from '../../../app/ui/FieldErrorMessage';
import { Icon } from '../../../app/ui/Icon';
import type { ContactFormValues } from './contact-form-values';

const MAX_ROWS = 10;

/** The contact's emails or phones: one row each with its label (work, home…), add and remove. */
export function ChannelRows({ form, kind }: { form: UseFormReturn<ContactFormValues, unknown, ContactCreate>; kind: 'emails' | 'phones' }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: kind });
  const errors = form.formState.errors[kind];
  const singular = kind === 'emails' ? 'email' : 'phone';

  return (
    <fieldset className="channel-rows">
      <legend className="field__label">{t(`fields.${kind}`)}</legend>
      {fields.map((field, index) => {
        const error = errors?.[index]?.value;
        const inputId = `${kind}-${field.id}`;
        const errorId = `${inputId}-error`;
        const name = index === 0 ? t(`fields.${singular}`) : t(`contactForm.${singular}Number`, { n: index + 1 });
        return (
          <div key={field.id} className={`channel-row${error ? ' field--invalid' : ''}`}>
            <div className="channel-row__controls">
              <select className="select channel-row__label" aria-label={t('contactForm.channelType', { name })} {...form.register(`${kind}.${index}.label` as const)}>
                {CHANNEL_LABELS.map((label) => (
                  <option key={label} value={label}>
                    {t(`channelLabel.${label}`)}
                  </option>
                ))}
              </select>
              <input
                id={inputId}
                className="input"
                type={kind === 'emails' ? 'email' : 'tel'}
                inputMode={kind === 'emails' ? 'email' : 'tel'}
                autoComplete="off"
                aria-label={name}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? errorId : undefined}
                {...form.register(`${kind}.${index}.value` as const)}
              />
              <button type="button" className="icon-button" aria-label={t('contactForm.removeChannel', { name })} onClick={() => remove(index)}>
                <Icon name="close" size={14} />
              </button>
            </div>
            {error ? <FieldErrorMessage id={errorId} error={error} /> : null}
          </div>
        );
      })}
      {fields.length < MAX_ROWS ? (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => append({ label: kind === 'emails' ? 'work' : 'mobile', value: '' }, { shouldFocus: true })}
        >
          <Icon name="plus" />
          <span>{t(`contactForm.add_${singular}`)}</span>
        </button>
      ) : null}
    </fieldset>
  );
}
