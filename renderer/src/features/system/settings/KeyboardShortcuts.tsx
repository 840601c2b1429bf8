import { useTranslation } from 'react-i18next';

export function KeyboardShortcuts() {
  const { t } = useTranslation();
  const mod = /mac/i.test(navigator.platform) ? '⌘' : 'Ctrl';
  const shortcuts = [
    { keys: `${mod} K`, label: t('shortcuts.palette') },
    { keys: '↑ ↓', label: t('shortcuts.rows') },
    { keys: 'Enter', label: t('shortcuts.open') },
    { keys: `${mod} Enter`, label: t('shortcuts.saveNote') },
    { keys: 'L', label: t('shortcuts.logActivity') },
    { keys: 'C', label: t('shortcuts.logCall') },
    { keys: 'T', label: t('shortcuts.newTask') },
    { keys: 'Space ← → Space', label: t('shortcuts.dragCard') },
    { keys: 'Esc', label: t('shortcuts.close') },
  ];
  return (
    <section className="card" aria-labelledby="settings-shortcuts">
      <h2 id="settings-shortcuts" className="card__title">
        {t('shortcuts.title')}
      </h2>
      <dl className="shortcuts">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.keys} className="shortcuts__item">
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
