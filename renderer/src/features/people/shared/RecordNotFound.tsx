import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/Link';
import { EmptyState } from '../../../app/ui/EmptyState';

export function RecordNotFound({ kind }: { kind: 'contact' | 'company' }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t(`${kind}.notFoundTitle`)}
      message={t('record.notFoundMessage')}
      action={
        <>
          <Link className="button" to="/trash">
            {t('record.openTrash')}
          </Link>
          <Link className="button button--primary" to={kind === 'contact' ? '/contacts' : '/companies'}>
            {t(kind === 'contact' ? 'record.backToContacts' : 'record.backToCompanies')}
          </Link>
        </>
      }
    />
  );
}
