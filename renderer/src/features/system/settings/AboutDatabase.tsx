import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { IntegrityInfo, WorkspaceInfo } from '../../../../../db/contract/system';
import { useFormatters } from '../../../app/use-formatters';
import { DetailItem } from '../../people/shared/DetailItem';

/** The technical facts, for whoever helps the shop (support, the office's IT person). */
export function AboutDatabase({ info }: { info: WorkspaceInfo }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const journal = info.journalMode.toLowerCase();
  return (
    <section className="card" aria-labelledby="settings-about">
      <h2 id="settings-about" className="card__title">
        {t('settingsAbout.title')}
      </h2>
      <p className="field__hint settings__lead">{t('settingsAbout.lead')}</p>
      <dl className="details">
        <DetailItem label={t('settingsAbout.file')} wide>
          <code className="code">{info.path}</code>
        </DetailItem>
        <DetailItem label={t('settingsAbout.workspaceId')} wide>
          <code className="code">{info.workspaceId}</code>
        </DetailItem>
        <DetailItem label={t('settingsAbout.journal')}>
          {journal === 'wal' ? t('settingsAbout.journalWal') : journal === 'delete' ? t('settingsAbout.journalDelete') : info.journalMode}
        </DetailItem>
        <DetailItem label={t('settingsAbout.schema')}>{format.number(info.schemaVersion)}</DetailItem>
        <DetailItem label={t('settingsAbout.integrity')} wide>
          {integrityText(info.integrity, t, format.dateTime)}
        </DetailItem>
      </dl>
    </section>
  );
}

/** The last full integrity check this PC ran in the background (none yet just after opening). */
function integrityText(integrity: IntegrityInfo, t: TFunction, dateTime: (ms: number) => string): string {
  if (integrity.running) return t('settingsAbout.integrityRunning');
  if (integrity.lastFullCheckAt === null) return t('settingsAbout.integrityPending');
  const date = dateTime(integrity.lastFullCheckAt);
  return integrity.lastFullCheckOk ? t('settingsAbout.integrityOk', { date }) : t('settingsAbout.integrityDamaged', { date });
}
