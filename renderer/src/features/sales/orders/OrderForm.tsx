import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../../app/errors';
import { Field } from '../../../app/ui/Field';
import { RecordPicker } from '../../system/search/RecordPicker';
import { orderFormResolver, type LineIssue, type OrderFormValues } from './order-form-values';
import { LineEditor } from './LineEditor';
import { MAX_QUANTITY } from '../../../../../db/contract/money';
import { useFormatters } from '../../../app/use-formatters';
import { useAmountMessage } from '../../../app/use-money';

export interface OrderFormProps {
  initialValues: OrderFormValues;
  /** The deal the quote or order belongs to: its currency is the order's (the core refuses a mix). */
  dealId: number | null;
  /** Creating chooses kind, customer and currency; editing changes lines and note only. */
  mode: 'create' | 'edit';
  submitLabel: string;
  onSubmit: (values: OrderFormValues) => Promise<void>;
  onCancel: () => void;
}

/** A quote or order: customer, currency, lines with live exact totals, and a note. */
export function OrderForm({ initialValues, dealId, mode, submitLabel, onSubmit, onCancel }: OrderFormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const messages: Record<LineIssue, string> = {
    quantity: t('orders.issues.quantity', { max: format.number(MAX_QUANTITY) }),
    unitPrice: t('money.invalid'),
    discountValue: t('orders.issues.discountValue'),
    discountTooLarge: t('orders.issues.discountTooLarge'),
    tooLarge: t('orders.issues.tooLarge'),
  };
  const amountMessage = useAmountMessage();
  const form = useForm<OrderFormValues>({ resolver: orderFormResolver(dealId, messages, amountMessage), defaultValues: initialValues, mode: 'onTouched' });
  const { register, control, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const kind = useWatch({ control, name: 'kind' });

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      const issues = fieldIssues(error);
      for (const issue of issues) {
        if (issue.path === 'contactId' || issue.path === 'companyId') setError('customer', { type: 'server', message: issue.message }, { shouldFocus: true });
        else if (issue.path === 'currency') setError('currency', { type: 'server', message: issue.message }, { shouldFocus: true });
        else setError('root.server', { type: 'server', message: issue.message });
      }
    }
  });

  return (
    <form className="record-form" onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      {errors.root?.server ? (
        <p className="form-error" role="alert">
          {errors.root.server.message}
        </p>
      ) : null}
      {mode === 'create' ? (
        <div className="form-grid">
          <fieldset className="field">
            <legend className="field__label">{t('orders.kind')}</legend>
            <div className="segmented">
              {(['quote', 'order'] as const).map((value) => (
                <label key={value} className="segmented__option">
                  <input type="radio" value={value} {...register('kind')} />
                  <span>{t(`orders.kinds.${value}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <Field label={t('orders.customer')} error={errors.customer as any}>
            {(fieldControl) => (
              <Controller
                control={control}
                name="customer"
                render={({ field }) => (
                  <RecordPicker
                    kinds={['contact', 'company']}
                    id={fieldControl.id}
                    aria-invalid={fieldControl['aria-invalid']}
                    aria-describedby={fieldControl['aria-describedby']}
                    placeholder={t('orders.customerPlaceholder')}
                    value={field.value}
                    onChange={field.onChange}
                  />
                )}
              />
            )}
          </Field>
          <Field label={t('orders.currency')} error={errors.currency} hint={dealId ? t('orders.currencyFromDeal') : undefined}>
            {(fieldControl) => (
              <input className="input input--short" maxLength={3} readOnly={dealId !== null} {...fieldControl} {...register('currency', { setValueAs: (value: string) => value.trim().toUpperCase() })} />
            )}
          </Field>
        </div>
      ) : null}
      <section className="form-section" aria-labelledby="order-form-lines">
        <h3 id="order-form-lines" className="form-section__title">
          {t('orders.lines')}
        </h3>
        <LineEditor form={form} />
      </section>
      <Field label={t('orders.note')} error={errors.note}>
        {(fieldControl) => <textarea className="textarea" rows={2} {...fieldControl} {...register('note')} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={isSubmitting}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : mode === 'create' ? t(kind === 'quote' ? 'orders.createQuote' : 'orders.createOrder') : submitLabel}
        </button>
      </div>
    </form>
  );
}
