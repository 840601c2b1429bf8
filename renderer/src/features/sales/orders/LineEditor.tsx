import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../app/ui/Icon';
import { EMPTY_LINE, previewTotals, type OrderFormValues } from './order-form-values';
import { OrderLineRow } from './OrderLineRow';
import { OrderTotals } from './OrderTotals';

/** The lines of a quote or order, with live exact totals computed by the same functions as the core. */
export function LineEditor({ form }: { form: UseFormReturn<OrderFormValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'lines' });
  const lines = useWatch({ control: form.control, name: 'lines' });
  const currency = (useWatch({ control: form.control, name: 'currency' }) ?? '').trim().toUpperCase();
  const preview = previewTotals(lines ?? [], currency);
  const linesError = form.formState.errors.lines;
  const listError = linesError && !Array.isArray(linesError) && 'message' in linesError ? (linesError as { message?: string }).message : undefined;

  return (
    <div className="line-editor">
      <div className="line-editor__scroll">
        <table className="line-table">
          <caption className="visually-hidden">{t('orders.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orders.columns.product')}</th>
              <th scope="col">{t('orders.columns.description')}</th>
              <th scope="col">{t('orders.columns.quantity')}</th>
              <th scope="col">{t('orders.columns.unitPrice')}</th>
              <th scope="col">{t('orders.columns.discount')}</th>
              <th scope="col" className="line-row__total">
                {t('orders.columns.total')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('orders.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => (
              <OrderLineRow
                key={field.id}
                form={form}
                index={index}
                parsed={preview.lines[index] ?? { input: null, amounts: null, issues: {} }}
                currency={currency}
                onRemove={() => remove(index)}
                canRemove={fields.length > 1}
              />
            ))}
          </tbody>
        </table>
      </div>
      {listError ? (
        <p className="field__error" role="alert">
          {t('validation.orderLines')}
        </p>
      ) : null}
      <div className="line-editor__footer">
        <button type="button" className="button button--small" onClick={() => append({ ...EMPTY_LINE })}>
          <Icon name="plus" />
          <span>{t('orders.addLine')}</span>
        </button>
        <OrderTotals totals={preview.totals} currency={currency} live />
      </div>
    </div>
  );
}
