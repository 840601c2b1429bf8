import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { monthKey } from '../dates';
import { useFormatters } from '../use-formatters';

export interface MonthPickerProps {
  /** The accessible name; shown beside the button too unless `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  /** YYYY-MM, or '' for none (only when `emptyLabel` is given). */
  value: string;
  onChange: (month: string) => void;
  /** Offers "no month" under this name (a filter's "any month"); without it a month is required. */
  emptyLabel?: string;
}

/**
 * A month (YYYY-MM) from a year of twelve buttons, named in the app's language ("November 2026",
 * "2026年11月"), for filters and report ranges where a day would be noise.
 */
export function MonthPicker({ label, hideLabel = false, value, onChange, emptyLabel }: MonthPickerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [year, setYear] = useState(() => Number((value || monthKey()).slice(0, 4)));
  const current = monthKey();
  const shown = value ? format.month(value) : (emptyLabel ?? '');
  const button = (
    <Button className="select month-picker__trigger" aria-label={t('datePicker.chooseMonth', { label, month: shown })} data-empty={value ? undefined : true}>
      <span>{shown}</span>
      <span aria-hidden="true">▾</span>
    </Button>
  );
  return (
    <DialogTrigger onOpenChange={(open) => open && setYear(Number((value || monthKey()).slice(0, 4)))}>
      {hideLabel ? (
        button
      ) : (
        <span className="inline-field">
          <span aria-hidden="true">{label}</span>
          {button}
        </span>
      )}
      <Popover className="date-popover" placement="bottom start" offset={6}>
        <Dialog className="date-popover__dialog" aria-label={label}>
          {({ close }) => (
            <>
              <header className="calendar__header">
                <Button className="icon-button calendar__nav" aria-label={t('datePicker.previousYear')} onPress={() => setYear(year - 1)}>
                  <span aria-hidden="true">‹</span>
                </Button>
                <h2 className="calendar__heading" aria-live="polite">
                  {format.year(year)}
                </h2>
                <Button className="icon-button calendar__nav" aria-label={t('datePicker.nextYear')} onPress={() => setYear(year + 1)}>
                  <span aria-hidden="true">›</span>
                </Button>
              </header>
              <div className="month-picker__grid">
                {Array.from({ length: 12 }, (_, index) => {
                  const key = `${year}-${String(index + 1).padStart(2, '0')}`;
                  return (
                    <Button
                      key={key}
                      className="month-picker__month"
                      aria-label={format.month(key)}
                      aria-pressed={key === value}
                      data-current={key === current ? true : undefined}
                      autoFocus={key === (value || current)}
                      onPress={() => {
                        onChange(key);
                        close();
                      }}
                    >
                      {format.monthName(index + 1)}
                    </Button>
                  );
                })}
              </div>
              {emptyLabel ? (
                <div className="month-picker__footer">
                  <Button
                    className="button button--ghost button--small"
                    onPress={() => {
                      onChange('');
                      close();
                    }}
                  >
                    {emptyLabel}
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
