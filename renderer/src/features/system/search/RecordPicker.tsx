import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchKind } from '../../../../../db/contract/system';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { useDebouncedValue } from '../../../app/use-debounced-value';

export type PickableKind = Exclude<SearchKind, 'note'>;

export interface RecordChoice {
  kind: PickableKind;
  id: number;
  name: string;
}

export interface RecordPickerProps {
  kinds: PickableKind[];
  value: RecordChoice | null;
  onChange: (value: RecordChoice | null) => void;
  /** Accessible name, unless the input is labelled by a <label for=id>. */
  label?: string;
  id?: string;
  placeholder?: string;
  compact?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * Type to find a contact, company or deal with the core's search (substring, Chinese, one or two
 * characters); arrows move, Enter picks, Escape closes. The kind is shown beside each match.
 */
export function RecordPicker({ kinds, value, onChange, label, id, placeholder, compact, ...aria }: RecordPickerProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const listboxId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [shownKey, setShownKey] = useState(value ? `${value.kind}-${value.id}` : null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);

  const valueKey = value ? `${value.kind}-${value.id}` : null;
  if (valueKey !== shownKey) {
    setShownKey(valueKey);
    setText(value?.name ?? '');
  }

  const query = useDebouncedValue(text.trim(), 150);
  const searching = open && query.length > 0 && query !== value?.name;
  const hits = useQuery({
    ...trpc.system.search.queryOptions({ query, kinds, limit: 10 }),
    enabled: searching,
    placeholderData: (previous) => previous,
    meta: { silent: true },
  });
  const options = searching ? (hits.data ?? []).filter((hit): hit is typeof hit & { kind: PickableKind } => (kinds as string[]).includes(hit.kind)) : [];
  const showList = open && searching;
  const active = options[Math.min(activeIndex, options.length - 1)];

  function choose(choice: RecordChoice | null) {
    onChange(choice);
    setShownKey(choice ? `${choice.kind}-${choice.id}` : null);
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
        aria-activedescendant={showList && active ? `${listboxId}-${active.kind}-${active.id}` : undefined}
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
            if (active) choose({ kind: active.kind, id: active.id, name: active.title });
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {value ? (
        <button type="button" className="icon-button icon-button--small combobox__clear" aria-label={t('recordPicker.clear')} onClick={() => choose(null)}>
          <Icon name="close" size={12} />
        </button>
      ) : null}
      {showList ? (
        <ul id={listboxId} role="listbox" aria-label={t('recordPicker.suggestions')} className="combobox__list">
          {options.length === 0 ? (
            <li className="combobox__empty" role="presentation">
              {hits.isFetching ? t('common.searching') : t('recordPicker.noMatches')}
            </li>
          ) : (
            options.map((option, index) => (
              <li
                key={`${option.kind}-${option.id}`}
                id={`${listboxId}-${option.kind}-${option.id}`}
                role="option"
                aria-selected={index === activeIndex}
                className={`combobox__option${index === activeIndex ? ' combobox__option--active' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose({ kind: option.kind, id: option.id, name: option.title });
                }}
                onMouseEnter={() => setActiveIndex(index)}
              >
                <span>{option.title}</span>
                {kinds.length > 1 ? <span className="badge badge--quiet">{t(`recordPicker.kinds.${option.kind}`)}</span> : null}
                {option.subtitle ? <span className="combobox__subtitle">{option.subtitle}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
