import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkspaceInfo } from '../../../../../db/contract/system';
import { fetchHostCapabilities, hostKind } from '../../../app/host-client';
import { useFormatters } from '../../../app/use-formatters';
import { DetailItem } from '../../people/shared/DetailItem';
import { OpenDatabaseForm } from './OpenDatabaseForm';

/** The open database in a shop owner's words; how to open another one in this host. */
export function DatabaseSettings({ info }: { info: WorkspaceInfo }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const capabilities = useQuery({ queryKey: ['host', 'capabilities'], queryFn: fetchHostCapabilities, staleTime: Infinity });
  const contents = [
    t('contacts.count', { count: info.counts.contacts, formatted: format.number(info.counts.contacts) }),
    t('companies.count', { count: info.counts.companies, formatted: format.number(info.counts.companies) }),
  ].join(' · ');
  return (
    <section className="card" aria-labelledby="settings-database">
      <h2 id="settings-database" className="card__title">
        {t('settingsDatabase.title')}
      </h2>
      <dl className="details">
        <DetailItem label={t('settingsDatabase.name')} wide>
          {fileName(info.path)}
        </DetailItem>
        <DetailItem label={t('settingsDatabase.shared')} wide>
          <span>{t(info.shared ? 'settingsDatabase.sharedYes' : 'settingsDatabase.sharedNo')}</span>
          <span className="field__hint settings__explain">{t(info.shared ? 'settingsDatabase.sharedYesHint' : 'settingsDatabase.sharedNoHint')}</span>
        </DetailItem>
        <DetailItem label={t('settingsDatabase.contents')}>{contents}</DetailItem>
        <DetailItem label={t('settings.signedInAs')}>
          {info.currentUser ? (
            <>
              {info.currentUser.name} <span className="muted">({t(`roles.${info.currentUser.role}`)})</span>
            </>
          ) : null}
        </DetailItem>
        {info.shared ? (
          <DetailItem label={t('settingsDatabase.others')} wide>
            {info.others.length === 0
              ? t('settingsDatabase.othersNone')
              : info.others.map((other) => t('settingsDatabase.otherEntry', { host: other.host, user: other.userName ?? other.osUser })).join(t('common.listSeparator'))}
          </DetailItem>
        ) : null}
      </dl>
      {hostKind() === 'electron' ? <p className="field__hint settings__explain">{t('settingsSwitch.electronHint')}</p> : null}
      {capabilities.data?.openDatabase ? <OpenDatabaseForm folder={capabilities.data.folder ?? ''} /> : null}
    </section>
  );
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}
