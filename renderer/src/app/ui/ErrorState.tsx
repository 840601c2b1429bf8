import { useTranslation } from 'react-i18next';
import { errorCodeOf, errorMessageKey } from '../errors';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = errorCodeOf(error);
  return (
    <div className="error-state" role="alert">
      <p>{t(errorMessageKey(code))}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
