import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONTACT_SOURCES, CREDIT_RATINGS, LIFECYCLE_STAGES, type ContactCreate } from '../../../../../db/contract/people';
import { setServerErrors } from '../../../app/form-server-errors';
import { DateField } from '../../../app/ui/DateFields';
import { Field } from '../../../app/ui/Field';
import { CompanyPicker } from '../companies/CompanyPicker';
import { AddressFields } from '../shared/AddressFields';
import { OwnerSelect } from '../shared/OwnerSelect';
import { PrivateField } from '../../system/privacy/PrivateField';
import { ChannelRows } from './ChannelRows';
import { contactFormResolver, type ContactFormValues } from './contact-form-values';
import { DoNotContactFields } from './DoNotContactFields';
import { DuplicateWarning } from './DuplicateWarning';

export interface ContactFormProps {
  initialValues: ContactFormValues;
  submitLabel: string;
  /** Resolve when saved; reject with the API error (VALIDATION issues are shown beside fields). */
  onSubmit: (contact: ContactCreate, values: ContactFormValues) => Promise<void>;
  onCancel: () => void;
  /** When editing: don't warn that the contact duplicates itself. */
  contactId?: number;
}

/** Every contact field, validated with the contract's `contactCreate` schema. */
export function ContactForm({ initialValues, submitLabel, onSubmit, onCancel, contactId }: ContactFormProps) {
  const { t } = useTranslation();
  const form = useForm<ContactFormValues, unknown, ContactCreate>({
    resolver: contactFormResolver,
    defaultValues: initialValues,
    mode: 'onTouched',
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const emails = useWatch({ control, name: 'emails' });
  const phones = useWatch({ control, name: 'phones' });

  const submit = handleSubmit(async (contact, event) => {
    event?.preventDefault();
    try {
      await onSubmit(contact, form.getValues());
    } catch (error) {
      setServerErrors(error, setError, (issuePath) => {
        const path = issuePath === 'companyId' ? 'company' : issuePath;
        return path && path in flatten(form.getValues()) ? (path as FieldPath<ContactFormValues>) : null;
      });
    }
  });

  return (
    <form className="record-form" onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      {errors.root?.server ? (
        <p className="form-error" role="alert">
          {errors.root.server.message}
        </p>
      ) : null}
      <section className="form-section" aria-labelledby="contact-form-basics">
        <h3 id="contact-form-basics" className="form-section__title">
          {t('contactForm.basics')}
        </h3>
        <div className="form-grid">
          <Field label={t('fields.name')} error={errors.name} className="form-grid__wide">
            {(control) => <input className="input" autoFocus={!contactId} autoComplete="off" {...control} {...register('name')} />}
          </Field>
          <Field label={t('fields.jobTitle')} error={errors.jobTitle}>
            {(control) => <input className="input" autoComplete="off" {...control} {...register('jobTitle')} />}
          </Field>
          <Field label={t('fields.company')} error={errors.company as any}>
            {(control) => (
              <CompanyPickerField control={form} fieldControl={control} placeholder={t('contactForm.companyPlaceholder')} />
            )}
          </Field>
          <Field label={t('fields.lifecycle')} error={errors.lifecycle}>
            {(control) => (
              <select className="select" {...control} {...register('lifecycle')}>
                {LIFECYCLE_STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {t(`lifecycle.${stage}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('fields.owner')} error={errors.ownerId}>
            {(control) => <OwnerSelect emptyLabel={t('common.none')} {...control} {...register('ownerId')} />}
          </Field>
          <Field label={t('fields.source')} error={errors.source}>
            {(control) => (
              <select className="select" {...control} {...register('source')}>
                <option value="">{t('common.none')}</option>
                {CONTACT_SOURCES.map((source) => (
                  <option key={source} value={source}>
                    {t(`source.${source}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('fields.creditRating')} error={errors.creditRating}>
            {(control) => (
              <select className="select" {...control} {...register('creditRating')}>
                <option value="">{t('common.none')}</option>
                {CREDIT_RATINGS.map((rating) => (
                  <option key={rating} value={rating}>
                    {t(`creditRating.${rating}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Controller
            control={control}
            name="birthday"
            render={({ field }) => <DateField label={t('fields.birthday')} error={errors.birthday} value={field.value} onChange={field.onChange} onBlur={field.onBlur} fieldRef={field.ref} />}
          />
          <div className="field field--checkbox">
            <label className="checkbox-row">
              <input type="checkbox" {...register('vip')} />
              <span>{t('contactForm.vipLabel')}</span>
            </label>
          </div>
          <PrivateField registration={register('isPrivate')} error={errors.isPrivate} />
        </div>
      </section>

      <section className="form-section" aria-labelledby="contact-form-channels">
        <h3 id="contact-form-channels" className="form-section__title">
          {t('contactForm.channels')}
        </h3>
        <ChannelRows form={form} kind="emails" />
        <ChannelRows form={form} kind="phones" />
        <DuplicateWarning emails={emails} phones={phones} excludeId={contactId} />
      </section>

      <AddressFields register={register} errors={errors} idPrefix="contact-form" />

      <DoNotContactFields register={register} />

      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={isSubmitting}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}

function CompanyPickerField({
  control: form,
  fieldControl,
  placeholder,
}: {
  control: ReturnType<typeof useForm<ContactFormValues, unknown, ContactCreate>>;
  fieldControl: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };
  placeholder: string;
}) {
  const company = useWatch({ control: form.control, name: 'company' });
  return (
    <CompanyPicker
      id={fieldControl.id}
      aria-invalid={fieldControl['aria-invalid']}
      aria-describedby={fieldControl['aria-describedby']}
      placeholder={placeholder}
      value={company}
      onChange={(value) => form.setValue('company', value, { shouldDirty: true, shouldValidate: false })}
    />
  );
}

/** Dotted paths of every leaf in the form values, to tell a field issue from a form-level one. */
function flatten(value: unknown, prefix = '', out: Record<string, true> = {}): Record<string, true> {
  if (value && typeof value === 'object') {
    if (prefix) out[prefix] = true;
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) out[prefix] = true;
  return out;
}
