import { useTranslation } from 'react-i18next';
import { dismissToast, useToasts } from '../toast-store';

export function ToastViewport() {
  const { t } = useTranslation();
  const toasts = useToasts();
  return (
    <section className="toasts" aria-label={t('toasts.region')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-toast-id={toast.id}>
          <span className="toast__message">{t(toast.message.key, toast.message.values ?? {})}</span>
          {toast.action ? (
            <button
              type="button"
              className="toast__action"
              onClick={() => {
                toast.action?.run();
                dismissToast(toast.id);
              }}
            >
              {t(toast.action.label.key, toast.action.label.values ?? {})}
            </button>
          ) : null}
          <button type="button" className="icon-button toast__close" aria-label={t('common.dismiss')} onClick={() => dismissToast(toast.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </section>
  );
}
