import { useTranslation } from 'react-i18next';
import type { ShareSafety } from '../../../../../db/contract/system';
import { useFormatters } from '../../../app/use-formatters';

export interface ShareSafetyBannerProps {
  safety: ShareSafety;
  /** Reopens the file with the "this PC only" lease; absent where the host cannot reopen it. */
  onOpenOnThisPcOnly?: () => void;
  /** Starts host mode (one PC serves the others); wired by whoever builds host mode. */
  onUseHostMode?: () => void;
  /** Why the last "Open it on this PC only" did not work, already translated. */
  openError?: string;
  opening?: boolean;
}

/**
 * Says why this PC went read-only on a shared file, and the ways out: host mode for several PCs,
 * or this PC alone. Shown above every page while the core reports `shareSafety.readOnly`.
 */
export function ShareSafetyBanner({ safety, onOpenOnThisPcOnly, onUseHostMode, openError, opening = false }: ShareSafetyBannerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!safety.readOnly) return null;
  const holder = safety.holder;
  return (
    <section className="share-safety-banner" role="alert" aria-labelledby="share-safety-title">
      <h2 id="share-safety-title">{t('shareSafety.title')}</h2>
      {safety.readOnly === 'locksDoNotReach' ? (
        <>
          <p>{t('shareSafety.locksDoNotReach', { pcs: safety.unreachedPcs.join(', ') || t('shareSafety.anotherPc') })}</p>
          <p>{t('shareSafety.hostModeHint')}</p>
        </>
      ) : (
        <p>
          {t('shareSafety.heldElsewhere', {
            who: holder?.userName ?? holder?.osUser ?? t('shareSafety.someone'),
            host: holder?.host ?? t('shareSafety.anotherPc'),
            since: holder ? format.dateTime(holder.since) : '',
          })}
        </p>
      )}
      <div className="share-safety-banner__actions">
        {onUseHostMode ? (
          <button type="button" className="button" onClick={onUseHostMode}>
            {t('shareSafety.useHostMode')}
          </button>
        ) : null}
        {onOpenOnThisPcOnly && safety.readOnly === 'locksDoNotReach' ? (
          <button type="button" className="button button--primary" onClick={onOpenOnThisPcOnly} disabled={opening} aria-describedby="share-safety-open-here-hint">
            {opening ? t('shareSafety.opening') : t('shareSafety.openHere')}
          </button>
        ) : null}
      </div>
      {onOpenOnThisPcOnly && safety.readOnly === 'locksDoNotReach' ? (
        <p id="share-safety-open-here-hint" className="share-safety-banner__hint">
          {t('shareSafety.openHereHint')}
        </p>
      ) : null}
      {openError ? <p role="status">{openError}</p> : null}
    </section>
  );
}
