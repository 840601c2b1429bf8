import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldErrorMessage } from '../../../app/ui/FieldErrorMessage';
import { Icon } from '../../../app/ui/Icon';
import { minorToInput, useMoney } from '../../../app/use-money';
import { ProductPicker } from '../products/ProductPicker';
import type { OrderFormValues, ParsedLine } from './order-form-values';

/** One editable line: product, description, quantity, unit price, discount; its exact total beside it. */
export function OrderLineRow({ form, index, parsed, currency, onRemove, canRemove }: { form: UseFormReturn<OrderFormValues>; index: number; parsed: ParsedLine; currency: string; onRemove: () => void; canRemove: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { register, setValue, formState } = form;
  const errors = formState.errors.lines?.[index];
  const n = index + 1;
  const discountType = useWatch({ control: form.control, name: `lines.${index}.discountType` });
  const errorId = (field: string) => `line-${index}-${field}-error`;
  const control = (field: 'description' | 'quantity' | 'unitPrice' | 'discountValue') => ({
    'aria-invalid': Boolean(errors?.[field]),
    'aria-describedby': errors?.[field] ? errorId(field) : undefined,
  });

  return (
    <tr className="line-row">
      <td className="line-row__product">
        <ProductPicker
          label={t('orders.lineProduct', { n })}
          initialText={form.getValues(`lines.${index}.productLabel`)}
          onClear={() => setValue(`lines.${index}.productId`, null, { shouldDirty: true })}
          onPick={(product) => {
            setValue(`lines.${index}.productId`, product.id, { shouldDirty: true });
            setValue(`lines.${index}.productLabel`, product.sku);
            setValue(`lines.${index}.description`, product.name, { shouldDirty: true, shouldValidate: true });
            setValue(`lines.${index}.unitPrice`, minorToInput(product.unitPriceMinor, product.currency), { shouldDirty: true, shouldValidate: true });
          }}
        />
      </td>
      <td>
        <input className="input input--small" placeholder={t('orders.columns.description')} aria-label={t('orders.lineDescription', { n })} {...control('description')} {...register(`lines.${index}.description`)} />
        {errors?.description ? <FieldErrorMessage id={errorId('description')} error={errors.description} /> : null}
      </td>
      <td className="line-row__quantity">
        <input className="input input--small cell-tabular" inputMode="numeric" aria-label={t('orders.lineQuantity', { n })} {...control('quantity')} {...register(`lines.${index}.quantity`)} />
        {errors?.quantity ? <FieldErrorMessage id={errorId('quantity')} error={errors.quantity} /> : null}
      </td>
      <td className="line-row__price">
        <input className="input input--small cell-tabular" inputMode="decimal" placeholder="0.00" aria-label={t('orders.lineUnitPrice', { n })} {...control('unitPrice')} {...register(`lines.${index}.unitPrice`)} />
        {errors?.unitPrice ? <FieldErrorMessage id={errorId('unitPrice')} error={errors.unitPrice} /> : null}
      </td>
      <td className="line-row__discount">
        <div className="line-row__discount-controls">
          <select className="select select--compact" aria-label={t('orders.lineDiscountType', { n })} {...register(`lines.${index}.discountType`)}>
            <option value="none">{t('orders.discount.none')}</option>
            <option value="percent">{t('orders.discount.percent')}</option>
            <option value="amount">{t('orders.discount.amount', { currency })}</option>
          </select>
          {discountType !== 'none' ? (
            <input
              className="input input--small cell-tabular"
              inputMode="decimal"
              aria-label={t(discountType === 'percent' ? 'orders.lineDiscountPercent' : 'orders.lineDiscountAmount', { n })}
              {...control('discountValue')}
              {...register(`lines.${index}.discountValue`)}
            />
          ) : null}
        </div>
        {errors?.discountValue ? <FieldErrorMessage id={errorId('discountValue')} error={errors.discountValue} /> : null}
      </td>
      <td className="line-row__total cell-tabular" aria-label={t('orders.lineTotal', { n })}>
        {parsed.amounts ? money(parsed.amounts.totalMinor, currency) : <span className="muted">—</span>}
        {parsed.amounts && parsed.amounts.discountMinor > 0 ? <span className="line-row__saved">−{money(parsed.amounts.discountMinor, currency)}</span> : null}
      </td>
      <td className="line-row__remove">
        <button type="button" className="icon-button" aria-label={t('orders.removeLine', { n })} onClick={onRemove} disabled={!canRemove}>
          <Icon name="close" size={14} />
        </button>
      </td>
    </tr>
  );
}
