import { useTranslation } from 'react-i18next';
import type { WorkspaceInfo } from '../../../../../db/contract/system';
import { useFormatters } from '../../../app/use-formatters';
import { DetailItem } from '../../people/shared/DetailItem';

export function WorkspaceDetails({ info }: { info: WorkspaceInfo }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card" aria-labelledby="settings-workspace">
      <h2 id="settings-workspace" className="card__title">
        {t('settings.workspace')}
      </h2>
      <dl className="details">
        <DetailItem label={t('settings.file')} wide>
          <code className="code">{info.path}</code>
        </DetailItem>
        <DetailItem label={t('settings.mode')}>{t(info.shared ? 'settings.shared' : 'settings.local')}</DetailItem>
        <DetailItem label={t('settings.journal')}>{info.journalMode}</DetailItem>
        <DetailItem label={t('settings.schema')}>{format.number(info.schemaVersion)}</DetailItem>
        <DetailItem label={t('settings.signedInAs')}>
          {info.currentUser.name} <span className="muted">({t(`roles.${info.currentUser.role}`)})</span>
        </DetailItem>
        <DetailItem label={t('nav.contacts')}>{format.number(info.counts.contacts)}</DetailItem>
        <DetailItem label={t('nav.companies')}>{format.number(info.counts.companies)}</DetailItem>
      </dl>
    </section>
  );
}
