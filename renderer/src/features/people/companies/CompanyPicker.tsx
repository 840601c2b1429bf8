import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { useDebouncedValue } from '../../../app/use-debounced-value';

export interface CompanyChoice {
  id: number;
  name: string;
}

export interface CompanyPickerProps {
  value: CompanyChoice | null;
  onChange: (value: CompanyChoice | null) => void;
  /** Accessible name, unless the input is labelled by a <label for=id>. */
  label?: string;
  id?: string;
  placeholder?: string;
  compact?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** Type to find a company (the core's search: substring, Chinese, 1–2 characters), pick with arrows + Enter. */
export function CompanyPicker({ value, onChange, label, id, placeholder, compact, ...aria }: CompanyPickerProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const listboxId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [shownValueId, setShownValueId] = useState(value?.id ?? null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);

  // The value changed from outside (form reset, "clear filters"): show its name.
  if ((value?.id ?? null) !== shownValueId) {
    setShownValueId(value?.id ?? null);
    setText(value?.name ?? '');
  }

  const query = useDebouncedValue(text.trim(), 150);
  const searching = open && query.length > 0 && query !== value?.name;
  const hits = useQuery({
    ...trpc.system.search.queryOptions({ query, kinds: ['company'], limit: 8 }),
    enabled: searching,
    placeholderData: (previous) => previous,
  });
  const options = searching ? (hits.data ?? []).filter((hit) => hit.kind === 'company') : [];
  const showList = open && searching;
  const active = options[Math.min(activeIndex, options.length - 1)];

  function choose(choice: CompanyChoice | null) {
    onChange(choice);
    setShownValueId(choice?.id ?? null);
    setText(choice?.name ?? '');
    setOpen(false);
  }

  return (
    <div className={`combobox${compact ? ' combobox--compact' : ''}`}>
      <input
        id={id}
        className={compact ? 'input input--filter' : 'input'}
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active ? `${listboxId}-${active.id}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        {...aria}
        onChange={(event) => {
          setText(event.target.value);
          setActiveIndex(0);
          setOpen(true);
          if (!event.target.value.trim() && value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          if (!text.trim()) {
            if (value) choose(null);
          } else if (text !== value?.name) setText(value?.name ?? '');
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActiveIndex((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActiveIndex((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter' && showList) {
            event.preventDefault();
            if (active) choose({ id: active.id, name: active.title });
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {value ? (
        <button type="button" className="icon-button icon-button--small combobox__clear" aria-label={t('companyPicker.clear')} onClick={() => choose(null)}>
          <Icon name="close" size={12} />
        </button>
      ) : null}
      {showList ? (
        <ul id={listboxId} role="listbox" aria-label={t('companyPicker.suggestions')} className="combobox__list">
          {options.length === 0 ? (
            <li className="combobox__empty" role="presentation">
              {hits.isFetching ? t('common.searching') : t('companyPicker.noMatches')}
            </li>
          ) : (
            options.map((option, index) => (
              <li
                key={option.id}
                id={`${listboxId}-${option.id}`}
                role="option"
                aria-selected={index === activeIndex}
                className={`combobox__option${index === activeIndex ? ' combobox__option--active' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose({ id: option.id, name: option.title });
                }}
                onMouseEnter={() => setActiveIndex(index)}
              >
                <span>{option.title}</span>
                {option.subtitle ? <span className="combobox__subtitle">{option.subtitle}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
