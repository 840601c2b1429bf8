import { useTranslation } from 'react-i18next';
import { Icon } from '../../../app/ui/Icon';

/** The lock after a private record's name in a list row: small, with its meaning as its name. */
export function PrivateMark({ isPrivate }: { isPrivate: boolean }) {
  const { t } = useTranslation();
  if (!isPrivate) return null;
  return (
    <span className="cell-name__private" role="img" aria-label={t('privacy.badge')} title={t('privacy.fieldHint')}>
      <Icon name="lock" size={12} />
    </span>
  );
}
