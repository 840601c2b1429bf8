import { useTranslation } from 'react-i18next';
import type { WorkspaceInfo } from '../../../db/contract/system';
import { SwitchUserButton } from '../features/system/staff/SwitchUserButton';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './Link';
import { useRoute } from './router';
import { ThemeToggle } from './ThemeToggle';
import { Icon, type IconName } from './ui/Icon';

const NAV_GROUPS: { labelKey: string; items: { to: string; labelKey: string; icon: IconName }[] }[] = [
  {
    labelKey: 'nav.groups.work',
    items: [{ to: '/today', labelKey: 'nav.today', icon: 'today' }],
  },
  {
    labelKey: 'nav.groups.people',
    items: [
      { to: '/contacts', labelKey: 'nav.contacts', icon: 'person' },
      { to: '/companies', labelKey: 'nav.companies', icon: 'building' },
    ],
  },
  {
    labelKey: 'nav.groups.sales',
    items: [
      { to: '/pipeline', labelKey: 'nav.pipeline', icon: 'pipeline' },
      { to: '/deals', labelKey: 'nav.deals', icon: 'deal' },
      { to: '/forecast', labelKey: 'nav.forecast', icon: 'chart' },
      { to: '/orders', labelKey: 'nav.orders', icon: 'receipt' },
      { to: '/products', labelKey: 'nav.products', icon: 'box' },
    ],
  },
  {
    labelKey: 'nav.groups.system',
    items: [
      { to: '/trash', labelKey: 'nav.trash', icon: 'trash' },
      { to: '/settings', labelKey: 'nav.settings', icon: 'gear' },
    ],
  },
];

export function Sidebar({ workspace, onOpenPalette }: { workspace: WorkspaceInfo; onOpenPalette: () => void }) {
  const { t } = useTranslation();
  const { path } = useRoute();
  const isMac = /mac/i.test(navigator.platform);
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          R
        </span>
        <span className="sidebar__name">{t('app.name')}</span>
      </div>
      <button type="button" className="sidebar__search" onClick={onOpenPalette} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
        <Icon name="search" />
        <span className="sidebar__search-label">{t('palette.open')}</span>
        <kbd aria-hidden="true">{isMac ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <nav className="sidebar__nav" aria-label={t('nav.label')}>
        {NAV_GROUPS.map((group) => (
          <div key={group.labelKey} className="sidebar__group">
            <p className="sidebar__group-title" id={`nav-group-${group.labelKey.split('.').pop()}`}>
              {t(group.labelKey)}
            </p>
            <ul aria-labelledby={`nav-group-${group.labelKey.split('.').pop()}`}>
              {group.items.map((item) => {
                const active = path === item.to || path.startsWith(`${item.to}/`);
                return (
                  <li key={item.to}>
                    <Link to={item.to} className={`sidebar__link${active ? ' sidebar__link--active' : ''}`} aria-current={active ? 'page' : undefined}>
                      <Icon name={item.icon} />
                      <span>{t(item.labelKey)}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
      <div className="sidebar__footer">
        <div className="sidebar__controls">
          <ThemeToggle />
          <LanguageSwitch />
        </div>
        <p className="sidebar__user" title={workspace.path}>
          <span className="sidebar__avatar" aria-hidden="true">
            {workspace.currentUser?.name.slice(0, 1)}
          </span>
          <span>{workspace.currentUser?.name}</span>
          {workspace.currentUser?.role === 'read_only' ? <span className="badge">{t('signIn.readOnly')}</span> : null}
        </p>
        <SwitchUserButton />
      </div>
    </aside>
  );
}
