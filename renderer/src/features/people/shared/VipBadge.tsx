import { useTranslation } from 'react-i18next';
import { Icon } from '../../../app/ui/Icon';

export function VipBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--vip">
      <Icon name="star" size={12} />
      {t('contact.vip')}
    </span>
  );
}
