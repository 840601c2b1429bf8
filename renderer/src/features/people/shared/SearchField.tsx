import { useTranslation } from 'react-i18next';
import { Icon } from '../../../app/ui/Icon';

export function SearchField({ label, value, onChange, placeholder }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string }) {
  const { t } = useTranslation();
  return (
    <div className="search-field">
      <Icon name="search" />
      <input
        type="search"
        className="search-field__input"
        aria-label={label}
        placeholder={placeholder ?? label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            onChange('');
          }
        }}
      />
      {value ? (
        <button type="button" className="icon-button icon-button--small" aria-label={t('list.clearSearch')} onClick={() => onChange('')}>
          <Icon name="close" size={12} />
        </button>
      ) : null}
    </div>
  );
}
