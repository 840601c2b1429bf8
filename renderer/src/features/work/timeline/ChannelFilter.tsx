import { useTranslation } from 'react-i18next';
import { ACTIVITY_CHANNELS, type ActivityChannel } from '../../../../../db/contract/work';

/** Toggle buttons, one per channel; none pressed means everything (notes, stage moves, orders too). */
export function ChannelFilter({ value, onChange }: { value: ActivityChannel[]; onChange: (channels: ActivityChannel[]) => void }) {
  const { t } = useTranslation();
  return (
    <div className="chip-group" role="group" aria-label={t('timeline.filterLabel')}>
      <button type="button" className="chip" aria-pressed={value.length === 0} onClick={() => onChange([])}>
        {t('timeline.all')}
      </button>
      {ACTIVITY_CHANNELS.map((channel) => {
        const pressed = value.includes(channel);
        return (
          <button
            key={channel}
            type="button"
            className="chip"
            aria-pressed={pressed}
            onClick={() => onChange(pressed ? value.filter((item) => item !== channel) : [...value, channel])}
          >
            {t(`channels.${channel}`)}
          </button>
        );
      })}
    </div>
  );
}
