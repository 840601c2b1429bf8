import type { VisibilityState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { Popover } from '../ui/Popover';

export interface ChoosableColumn {
  id: string;
  label: string;
}

/** Show or hide list columns; the caller persists the choice. */
export function ColumnChooser({
  columns,
  visibility,
  onChange,
  onReset,
}: {
  columns: ChoosableColumn[];
  visibility: VisibilityState;
  onChange: (visibility: VisibilityState) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Popover
      label={t('list.columns')}
      buttonContent={
        <>
          <Icon name="columns" />
          <span>{t('list.columns')}</span>
        </>
      }
    >
      {() => (
        <fieldset className="column-chooser">
          <legend className="column-chooser__legend">{t('list.showColumns')}</legend>
          {columns.map((column) => (
            <label key={column.id} className="checkbox-row">
              <input
                type="checkbox"
                checked={visibility[column.id] !== false}
                onChange={(event) => onChange({ ...visibility, [column.id]: event.target.checked })}
              />
              <span>{column.label}</span>
            </label>
          ))}
          <button type="button" className="button button--ghost button--small" onClick={onReset}>
            {t('list.resetColumns')}
          </button>
        </fieldset>
      )}
    </Popover>
  );
}
