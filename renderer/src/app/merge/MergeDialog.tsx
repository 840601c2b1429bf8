import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeChoice } from '../../../../db/contract/merge';
import { Modal } from '../ui/Modal';

/** One unit both people changed: its label and both values as text. */
export interface MergeChoiceRow {
  unit: string;
  label: string;
  theirs: string;
  mine: string;
}

/**
 * A stale save whose changes overlap someone else's on some fields. Everything else is already
 * merged; for each overlapping field the person picks their value or mine (radio buttons, so the
 * arrow keys move between the two), then saves the merge, or discards their own edit.
 */
export function MergeDialog({
  title,
  updatedByName,
  rows,
  keptTheirs,
  appliedMine,
  busy,
  onSave,
  onDiscard,
}: {
  title: string;
  updatedByName: string | null;
  rows: MergeChoiceRow[];
  /** Labels of fields only they changed (their values stay). */
  keptTheirs: string[];
  /** Labels of fields only I changed (mine are saved). */
  appliedMine: string[];
  busy: boolean;
  onSave: (choices: Record<string, MergeChoice>) => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const groupId = useId();
  const complete = rows.every((row) => choices[row.unit] !== undefined);
  return (
    <Modal
      title={title}
      description={updatedByName ? t('merge.descriptionBy', { name: updatedByName, count: rows.length }) : t('merge.description', { count: rows.length })}
      onDismiss={onDiscard}
      busy={busy}
      role="alertdialog"
      size="large"
      footer={
        <>
          <button type="button" className="button" onClick={onDiscard} disabled={busy}>
            {t('conflict.discardMine')}
          </button>
          <button type="button" className="button button--primary" onClick={() => onSave(choices)} disabled={busy || !complete}>
            {t('merge.save')}
          </button>
        </>
      }
    >
      <div className="merge-choices">
        <div className="merge-choices__head" aria-hidden="true">
          <span>{t('conflict.field')}</span>
          <span>{t('conflict.theirs')}</span>
          <span>{t('conflict.mine')}</span>
        </div>
        {rows.map((row, index) => {
          const labelId = `${groupId}-${index}`;
          return (
            <div key={row.unit} role="radiogroup" aria-labelledby={labelId} className="merge-choices__row">
              <span id={labelId} className="merge-choices__label">
                {row.label}
              </span>
              {(['theirs', 'mine'] as const).map((side) => (
                <label key={side} className="merge-choices__option">
                  <input
                    type="radio"
                    name={labelId}
                    value={side}
                    checked={choices[row.unit] === side}
                    onChange={() => setChoices((current) => ({ ...current, [row.unit]: side }))}
                    disabled={busy}
                  />
                  <span className="visually-hidden">{t(side === 'theirs' ? 'merge.useTheirs' : 'merge.useMine')}: </span>
                  <span>{side === 'theirs' ? row.theirs : row.mine}</span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
      {keptTheirs.length > 0 ? <p className="merge-choices__note">{t('merge.keptTheirs', { fields: keptTheirs.join(', ') })}</p> : null}
      {appliedMine.length > 0 ? <p className="merge-choices__note">{t('merge.appliedMine', { fields: appliedMine.join(', ') })}</p> : null}
      {!complete ? <p className="merge-choices__note">{t('merge.chooseEach')}</p> : null}
    </Modal>
  );
}
