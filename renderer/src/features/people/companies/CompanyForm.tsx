import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CompanyCreate } from '../../../../../db/contract/people';
import { setServerErrors } from '../../../app/form-server-errors';
import { Field } from '../../../app/ui/Field';
import { AddressFields } from '../shared/AddressFields';
import { OwnerSelect } from '../shared/OwnerSelect';
import { PrivateField } from '../../system/privacy/PrivateField';
import { companyFormResolver, type CompanyFormValues } from './company-form-values';

const FORM_FIELDS = new Set(['name', 'industry', 'website', 'email', 'phone', 'ownerId', 'isPrivate', 'address.street', 'address.city', 'address.region', 'address.postalCode', 'address.country']);

export interface CompanyFormProps {
  initialValues: CompanyFormValues;
  submitLabel: string;
  onSubmit: (company: CompanyCreate) => Promise<void>;
  onCancel: () => void;
  autoFocus?: boolean;
}

/** Every company field, validated with the contract's `companyCreate` schema. */
export function CompanyForm({ initialValues, submitLabel, onSubmit, onCancel, autoFocus }: CompanyFormProps) {
  const { t } = useTranslation();
  const { register, handleSubmit, setError, formState } = useForm<CompanyFormValues, unknown, CompanyCreate>({
    resolver: companyFormResolver,
    defaultValues: initialValues,
    mode: 'onTouched',
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (company) => {
    try {
      await onSubmit(company);
    } catch (error) {
      setServerErrors(error, setError, (path) => (FORM_FIELDS.has(path) ? (path as FieldPath<CompanyFormValues>) : null));
    }
  });

  return (
    <form className="record-form" onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      {errors.root?.server ? (
        <p className="form-error" role="alert">
          {errors.root.server.message}
        </p>
      ) : null}
      <section className="form-section" aria-labelledby="company-form-basics">
        <h3 id="company-form-basics" className="form-section__title">
          {t('companyForm.basics')}
        </h3>
        <div className="form-grid">
          <Field label={t('fields.name')} error={errors.name} className="form-grid__wide">
            {(control) => <input className="input" autoFocus={autoFocus} autoComplete="off" {...control} {...register('name')} />}
          </Field>
          <Field label={t('fields.industry')} error={errors.industry}>
            {(control) => <input className="input" autoComplete="off" {...control} {...register('industry')} />}
          </Field>
          <Field label={t('fields.owner')} error={errors.ownerId}>
            {(control) => <OwnerSelect emptyLabel={t('common.none')} {...control} {...register('ownerId')} />}
          </Field>
          <PrivateField registration={register('isPrivate')} error={errors.isPrivate} />
          <Field label={t('fields.website')} error={errors.website}>
            {(control) => <input className="input" type="url" inputMode="url" autoComplete="off" {...control} {...register('website')} />}
          </Field>
          <Field label={t('fields.email')} error={errors.email}>
            {(control) => <input className="input" type="email" autoComplete="off" {...control} {...register('email')} />}
          </Field>
          <Field label={t('fields.phone')} error={errors.phone}>
            {(control) => <input className="input" type="tel" autoComplete="off" {...control} {...register('phone')} />}
          </Field>
        </div>
      </section>
      <AddressFields register={register} errors={errors} idPrefix="company-form" />
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
