import { useMutation } from '@tanstack/react-query';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../db/contract/sales';
import { handleDialogSaveError } from '../../../app/form-server-errors';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { useAmountMessage } from '../../../app/use-money';
import { Field } from '../../../app/ui/Field';
import { FormDialog } from '../../../app/ui/FormDialog';
import { changedFields } from '../../people/shared/record-patch';
import { MoneyInput } from '../shared/MoneyInput';
import { HistoryButton } from '../../system/history/HistoryButton';
import { emptyProductForm, formValuesToProductInput, productFormResolver, productToFormValues, type ProductFormValues } from './product-form-values';

const SERVER_FIELDS: Record<string, FieldPath<ProductFormValues>> = { unitPriceMinor: 'unitPrice', costMinor: 'cost', sku: 'sku', name: 'name', currency: 'currency', category: 'category' };

/** Create or edit a product: SKU, name, unit price, cost, currency, category, active. */
export function ProductDialog({ product, currency, onClose }: { product?: Product; currency: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const amountMessage = useAmountMessage();
  const form = useForm<ProductFormValues>({
    resolver: productFormResolver(amountMessage),
    defaultValues: product ? productToFormValues(product) : emptyProductForm(currency),
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState, setError, control } = form;
  const { errors, isSubmitting } = formState;
  const chosenCurrency = useWatch({ control, name: 'currency' });
  const create = useMutation({ ...trpc.sales.products.create.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });
  const update = useMutation({ ...trpc.sales.products.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });
  const remove = useMutation(trpc.sales.products.remove.mutationOptions());

  const submit = handleSubmit(async (values) => {
    const { input } = formValuesToProductInput(values);
    try {
      if (product) {
        const patch = changedFields(formValuesToProductInput(productToFormValues(product)).input, input);
        if (Object.keys(patch).length > 0) await update.mutateAsync({ id: product.id, version: product.version, patch });
      } else {
        await create.mutateAsync(input);
      }
      showToast({ tone: 'success', message: { key: 'products.saved', values: { name: input.name.trim() } } });
      onClose();
    } catch (error) {
      handleDialogSaveError(error, { conflict: { key: 'products.conflict' }, onClose, setError, fieldOf: (path) => SERVER_FIELDS[path] });
    }
  });

  async function deleteProduct() {
    if (!product) return;
    await remove.mutateAsync({ id: product.id, version: product.version });
    showToast({ message: { key: 'products.deleted', values: { name: product.name } } });
    onClose();
  }

  const title = product ? t('products.editTitle') : t('products.new');
  const busy = isSubmitting || remove.isPending;
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      busy={busy}
      submitting={isSubmitting}
      editing={product !== undefined}
      createLabel={t('products.create')}
      onDelete={product !== undefined ? deleteProduct : undefined}
      onSubmit={submit}
      formError={errors.root?.server?.message}
    >
      <Field label={t('products.fields.sku')} error={errors.sku}>
        {(fieldControl) => <input className="input" autoComplete="off" {...fieldControl} {...register('sku')} />}
      </Field>
      <Field label={t('products.fields.category')} error={errors.category}>
        {(fieldControl) => <input className="input" autoComplete="off" {...fieldControl} {...register('category')} />}
      </Field>
      <Field label={t('products.fields.name')} error={errors.name} className="form-grid__wide">
        {(fieldControl) => <input className="input" autoComplete="off" {...fieldControl} {...register('name')} />}
      </Field>
      <Field label={t('products.fields.unitPrice')} error={errors.unitPrice}>
        {(fieldControl) => <MoneyInput currency={chosenCurrency} placeholder="0.00" {...fieldControl} {...register('unitPrice')} />}
      </Field>
      <Field label={t('products.fields.cost')} error={errors.cost}>
        {(fieldControl) => <MoneyInput currency={chosenCurrency} {...fieldControl} {...register('cost')} />}
      </Field>
      <Field label={t('products.fields.currency')} error={errors.currency}>
        {(fieldControl) => <input className="input input--short" maxLength={3} {...fieldControl} {...register('currency', { setValueAs: (value: string) => value.trim().toUpperCase() })} />}
      </Field>
      <div className="field field--checkbox">
        <label className="checkbox-row">
          <input type="checkbox" {...register('active')} />
          <span>{t('products.fields.active')}</span>
        </label>
      </div>
      {product ? (
        <div className="form-grid__wide">
          <HistoryButton kind="product" id={product.id} name={product.name} labelled />
        </div>
      ) : null}
    </FormDialog>
  );
}
