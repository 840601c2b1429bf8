import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One label/value pair of a record's details; an empty value shows a quiet dash. */
export function DetailItem({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <div className={`details__item${wide ? ' details__item--wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted" aria-label={t('common.notSet')}>—</span> : children}</dd>
    </div>
  );
}
