import { useTranslation } from 'react-i18next';
import { Icon } from '../../../app/ui/Icon';

/** Marks a private record (seen only by its owner and managers) on its page. */
export function PrivateBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--private" title={t('privacy.fieldHint')}>
      <Icon name="lock" size={12} />
      {t('privacy.badge')}
    </span>
  );
}
