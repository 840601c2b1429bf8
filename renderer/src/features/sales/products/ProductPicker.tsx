import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../db/contract/sales';
import { useTRPC } from '../../../app/trpc';
import { Combobox } from '../../../app/ui/Combobox';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useMoney } from '../../../app/use-money';

/** Type a product's SKU or name, pick with arrows + Enter; the caller fills the line from it. */
export function ProductPicker({ label, initialText = '', onPick, onClear }: { label: string; initialText?: string; onPick: (product: Product) => void; onClear?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const money = useMoney();
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  const search = useDebouncedValue(text.trim(), 150);
  const products = useQuery({
    ...trpc.sales.products.list.queryOptions({ search: search || undefined, active: true, limit: 8 }),
    enabled: open,
    placeholderData: (previous) => previous,
    meta: { silent: true },
  });
  const options = open ? (products.data?.rows ?? []) : [];

  function choose(product: Product) {
    onPick(product);
    setText(product.sku);
    setOpen(false);
  }

  return (
    <Combobox
      label={label}
      placeholder={t('products.pickPlaceholder')}
      className="combobox"
      inputClassName="input input--small"
      text={text}
      onTextChange={(next) => {
        setText(next);
        if (!next.trim()) onClear?.();
      }}
      open={open}
      onOpenChange={setOpen}
      options={options}
      showList={open && (options.length > 0 || products.data !== undefined)}
      expanded={open && options.length > 0}
      optionKey={(product) => String(product.id)}
      renderOption={(product) => (
        <>
          <span className="code">{product.sku}</span>
          <span>{product.name}</span>
          <span className="combobox__subtitle cell-tabular">{money(product.unitPriceMinor, product.currency)}</span>
        </>
      )}
      onChoose={choose}
      listLabel={t('products.suggestions')}
      listClassName="combobox__list--wide"
      emptyText={products.isFetching ? t('common.searching') : t('products.noMatches')}
    />
  );
}
