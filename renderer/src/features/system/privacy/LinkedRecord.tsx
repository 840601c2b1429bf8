import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/Link';
import { Icon } from '../../../app/ui/Icon';

/**
 * A link to a record another one points at (a contact's company, a deal's customer). The core sends
 * its id but no name when it is a colleague's private record: then "Private" stands in its place,
 * with no way to it.
 */
export function LinkedRecord({ to, id, name, className }: { to: string; id: number | null; name: string | null; className?: string }) {
  if (id === null) return null;
  if (name === null) return <HiddenRecordName />;
  return (
    <Link to={to} className={className} title={name}>
      {name}
    </Link>
  );
}

/** "Private", with a lock, where a record's name is not the reader's to see. */
export function HiddenRecordName() {
  const { t } = useTranslation();
  return (
    <span className="muted hidden-record" title={t('privacy.hiddenRecordHint')}>
      <Icon name="lock" size={12} /> {t('privacy.hiddenRecord')}
    </span>
  );
}

/** A linked record's name as plain text (a subtitle, a card's customer line): "Private company" where it is hidden, nothing where there is none. */
export function linkedNameText(kind: 'contact' | 'company', id: number | null, name: string | null, t: TFunction): string | null {
  if (id === null) return null;
  return name ?? t(kind === 'contact' ? 'privacy.hiddenContactName' : 'privacy.hiddenCompanyName');
}
