import { useId, useState, type ReactNode } from 'react';
import { Icon } from './Icon';

export interface ComboboxProps<Option> {
  id?: string;
  /** Accessible name, unless the input is labelled by a <label for=id>. */
  label?: string;
  placeholder?: string;
  className: string;
  inputClassName: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  text: string;
  /** The user typed; the combobox has already opened and highlighted the first option. */
  onTextChange: (text: string) => void;
  /** Focus left; the combobox has already closed. */
  onBlur?: () => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  options: Option[];
  /** Whether the suggestions (or their empty line) are on screen. */
  showList: boolean;
  /** aria-expanded, when it differs from showList. */
  expanded?: boolean;
  /** Unique among the options: the React key and the option element's id. */
  optionKey: (option: Option) => string;
  renderOption: (option: Option) => ReactNode;
  onChoose: (option: Option) => void;
  listLabel: string;
  listClassName?: string;
  /** Shown when the list is open without options. */
  emptyText: string;
  /** Enter in an open list with nothing highlighted does nothing (rather than submitting the form). */
  holdEnter?: boolean;
  /** A clear button, while there is a value. */
  clear?: { label: string; onClear: () => void } | null;
}

/** The combobox core: an input with a listbox of suggestions; arrows move, Enter picks, Escape closes. */
export function Combobox<Option>(props: ComboboxProps<Option>) {
  const { id, label, placeholder, className, inputClassName, text, open, onOpenChange, options, showList, optionKey, onChoose, clear } = props;
  const listboxId = useId();
  const [activeIndex, setActiveIndex] = useState(0);
  const active = options[Math.min(activeIndex, options.length - 1)];

  return (
    <div className={className}>
      <input
        id={id}
        className={inputClassName}
        role="combobox"
        aria-label={label}
        aria-expanded={props.expanded ?? showList}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active ? `${listboxId}-${optionKey(active)}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        onChange={(event) => {
          setActiveIndex(0);
          onOpenChange(true);
          props.onTextChange(event.target.value);
        }}
        onFocus={() => onOpenChange(true)}
        onBlur={() => {
          onOpenChange(false);
          props.onBlur?.();
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            onOpenChange(true);
            setActiveIndex((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActiveIndex((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter' && showList && (active || props.holdEnter)) {
            event.preventDefault();
            if (active) onChoose(active);
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            event.stopPropagation();
            onOpenChange(false);
          }
        }}
      />
      {clear ? (
        <button type="button" className="icon-button icon-button--small combobox__clear" aria-label={clear.label} onClick={clear.onClear}>
          <Icon name="close" size={12} />
        </button>
      ) : null}
      {showList ? (
        <ul id={listboxId} role="listbox" aria-label={props.listLabel} className={`combobox__list${props.listClassName ? ` ${props.listClassName}` : ''}`}>
          {options.length === 0 ? (
            <li className="combobox__empty" role="presentation">
              {props.emptyText}
            </li>
          ) : (
            options.map((option, index) => (
              <li
                key={optionKey(option)}
                id={`${listboxId}-${optionKey(option)}`}
                role="option"
                aria-selected={index === activeIndex}
                className={`combobox__option${index === activeIndex ? ' combobox__option--active' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  onChoose(option);
                }}
                onMouseEnter={() => setActiveIndex(index)}
              >
                {props.renderOption(option)}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
