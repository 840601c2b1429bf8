import { useTranslation } from 'react-i18next';
import type { LIFECYCLE_STAGES } from '../../../../../db/contract/people';

export function LifecycleBadge({ stage }: { stage: (typeof LIFECYCLE_STAGES)[number] }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${stage}`}>{t(`lifecycle.${stage}`)}</span>;
}
