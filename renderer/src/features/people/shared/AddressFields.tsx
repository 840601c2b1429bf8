import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../app/ui/Field';

export interface AddressValues {
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

const PARTS = ['street', 'city', 'region', 'postalCode', 'country'] as const;

/** The address section of the contact and company forms (one contract `address` schema behind both). */
export function AddressFields<Values extends FieldValues & { address: AddressValues }>({
  register,
  errors,
  idPrefix,
}: {
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const addressErrors = errors.address as FieldErrors<AddressValues> | undefined;
  return (
    <section className="form-section" aria-labelledby={`${idPrefix}-address`}>
      <h3 id={`${idPrefix}-address`} className="form-section__title">
        {t('fields.address')}
      </h3>
      <div className="form-grid">
        {PARTS.map((part) => (
          <Field key={part} label={t(`fields.${part}`)} error={addressErrors?.[part]} className={part === 'street' ? 'form-grid__wide' : undefined}>
            {(control) => <input className="input" {...control} {...register(`address.${part}` as Path<Values>)} />}
          </Field>
        ))}
      </div>
    </section>
  );
}
