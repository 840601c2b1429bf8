import { useTranslation } from 'react-i18next';
import { useTheme } from './theme';
import { Icon } from './ui/Icon';

export function ThemeToggle() {
  const { t } = useTranslation();
  const [theme, , toggle] = useTheme();
  const dark = theme === 'dark';
  return (
    <button type="button" className="icon-button" aria-label={t('theme.toggle')} aria-pressed={dark} title={t(dark ? 'theme.switchToLight' : 'theme.switchToDark')} onClick={toggle}>
      <Icon name={dark ? 'moon' : 'sun'} />
    </button>
  );
}
