import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../db/contract/sales';
import { useTRPC } from '../../../app/trpc';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useMoney } from '../../../app/use-money';

/** Type a product's SKU or name, pick with arrows + Enter; the caller fills the line from it. */
export function ProductPicker({ label, initialText = '', onPick, onClear }: { label: string; initialText?: string; onPick: (product: Product) => void; onClear?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const money = useMoney();
  const listboxId = useId();
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const search = useDebouncedValue(text.trim(), 150);
  const products = useQuery({
    ...trpc.sales.products.list.queryOptions({ search: search || undefined, active: true, limit: 8 }),
    enabled: open,
    placeholderData: (previous) => previous,
    meta: { silent: true },
  });
  const options = open ? (products.data?.rows ?? []) : [];
  const active = options[Math.min(activeIndex, options.length - 1)];

  function choose(product: Product) {
    onPick(product);
    setText(product.sku);
    setOpen(false);
  }

  return (
    <div className="combobox">
      <input
        className="input input--small"
        role="combobox"
        aria-label={label}
        aria-expanded={open && options.length > 0}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={open && active ? `${listboxId}-${active.id}` : undefined}
        autoComplete="off"
        placeholder={t('products.pickPlaceholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActiveIndex(0);
          setOpen(true);
          if (!event.target.value.trim()) onClear?.();
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActiveIndex((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActiveIndex((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter' && open && active) {
            event.preventDefault();
            choose(active);
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && (options.length > 0 || products.data) ? (
        <ul id={listboxId} role="listbox" aria-label={t('products.suggestions')} className="combobox__list combobox__list--wide">
          {options.length === 0 ? (
            <li className="combobox__empty" role="presentation">
              {products.isFetching ? t('common.searching') : t('products.noMatches')}
            </li>
          ) : (
            options.map((product, index) => (
              <li
                key={product.id}
                id={`${listboxId}-${product.id}`}
                role="option"
                aria-selected={index === activeIndex}
                className={`combobox__option${index === activeIndex ? ' combobox__option--active' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(product);
                }}
                onMouseEnter={() => setActiveIndex(index)}
              >
                <span className="code">{product.sku}</span>
                <span>{product.name}</span>
                <span className="combobox__subtitle cell-tabular">{money(product.unitPriceMinor, product.currency)}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
