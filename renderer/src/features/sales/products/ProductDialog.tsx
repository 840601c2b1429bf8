import { useMutation } from '@tanstack/react-query';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MergeShape } from '../../../../../db/contract/merge';
import type { Product } from '../../../../../db/contract/sales';
import { setServerErrors } from '../../../app/form-server-errors';
import { useMergingSave } from '../../../app/merge/use-merging-save';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { useAmountMessage, useMoney } from '../../../app/use-money';
import { Field } from '../../../app/ui/Field';
import { FormDialog } from '../../../app/ui/FormDialog';
import { useFieldValueFormatter } from '../../people/shared/use-field-value-formatter';
import { MoneyInput } from '../shared/MoneyInput';
import { HistoryButton } from '../../system/history/HistoryButton';
import { emptyProductForm, formValuesToProductInput, productFormResolver, productToFormValues, type ProductFormValues } from './product-form-values';

type ProductInput = ReturnType<typeof formValuesToProductInput>['input'];

/** Price and cost are amounts in the product's currency: the three are one choice. */
const PRODUCT_MERGE: MergeShape = { groups: [['unitPriceMinor', 'costMinor', 'currency']] };

const SERVER_FIELDS: Record<string, FieldPath<ProductFormValues>> = { unitPriceMinor: 'unitPrice', costMinor: 'cost', sku: 'sku', name: 'name', currency: 'currency', category: 'category' };

/** Create or edit a product: SKU, name, unit price, cost, currency, category, active. */
export function ProductDialog({ product, currency, onClose }: { product?: Product; currency: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const amountMessage = useAmountMessage();
  const money = useMoney();
  const formatValue = useFieldValueFormatter();
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

  const merging = useMergingSave<Product, ProductInput>({
    toInput: (row) => formValuesToProductInput(productToFormValues(row)).input,
    shape: PRODUCT_MERGE,
    update: (version, patch) => update.mutateAsync({ id: product!.id, version, patch }),
    titles: { merge: t('products.mergeTitle'), deleted: t('products.mergeTitle') },
    label: ({ unit }) => t(`products.fields.${unit.replace(/Minor$/, '')}`, { defaultValue: unit }),
    describe: ({ unit }, values) => {
      if (unit !== 'unitPriceMinor') return formatValue(unit, values[unit as keyof ProductInput]);
      const price = money(values.unitPriceMinor, values.currency);
      return values.costMinor === null ? price : t('products.priceAndCost', { price, cost: money(values.costMinor, values.currency) });
    },
    titleOf: (values) => values.name.trim(),
    savedToast: (values) => ({ key: 'products.saved', values: { name: values.name.trim() } }),
    onDone: onClose,
  });

  const submit = handleSubmit(async (values) => {
    const { input } = formValuesToProductInput(values);
    try {
      if (product) {
        // Closes the dialog itself once saved (or merged with someone else's save).
        await merging.save(product, input);
        return;
      }
      await create.mutateAsync(input);
      showToast({ tone: 'success', message: { key: 'products.saved', values: { name: input.name.trim() } } });
      onClose();
    } catch (error) {
      setServerErrors(error, setError, (path) => SERVER_FIELDS[path]);
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
    <>
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
      {merging.dialog}
    </>
  );
}
