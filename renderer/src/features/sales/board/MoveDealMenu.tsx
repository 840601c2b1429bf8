import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/use-formatters';
import type { Stage } from '../../../../../db/contract/sales';
import { Icon } from '../../../app/ui/Icon';

const MENU_WIDTH = 220;

/**
 * "Move to…": the keyboard (and pointer) way to change a deal's stage without dragging. A menu
 * button; arrows move between stages, Enter moves the deal, Escape closes.
 */
export function MoveDealMenu({ dealTitle, currentStageId, stages, onMove, disabled }: { dealTitle: string; currentStageId: number; stages: Stage[]; onMove: (stage: Stage) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    if (!open || !buttonRef.current) return;
    const rect = buttonRef.current.getBoundingClientRect();
    const height = menuRef.current?.offsetHeight ?? 240;
    const below = rect.bottom + 4 + height <= window.innerHeight;
    setPosition({
      top: below ? rect.bottom + 4 : Math.max(8, rect.top - 4 - height),
      left: Math.max(8, Math.min(rect.left, window.innerWidth - MENU_WIDTH - 8)),
    });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    function onPointerDown(event: PointerEvent) {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onScroll(event: Event) {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [open]);

  function close(focusButton = true) {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    if (event.key === 'ArrowDown') next = items[(index + 1) % items.length];
    else if (event.key === 'ArrowUp') next = items[(index - 1 + items.length) % items.length];
    else if (event.key === 'Home') next = items[0];
    else if (event.key === 'End') next = items[items.length - 1];
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    } else if (event.key === 'Tab') {
      close(false);
      return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button button--small button--ghost deal-card__move"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Icon name="move" size={13} />
        <span>{t('board.moveTo')}</span>
      </button>
      {open
        ? createPortal(
            <ul
              ref={menuRef}
              id={menuId}
              role="menu"
              aria-label={t('board.moveMenuLabel', { title: dealTitle })}
              className="menu"
              style={{ top: position?.top ?? -9999, left: position?.left ?? -9999, width: MENU_WIDTH }}
              onKeyDown={onMenuKeyDown}
            >
              {stages.map((stage) => {
                const current = stage.id === currentStageId;
                return (
                  <li key={stage.id} role="none">
                    <button
                      type="button"
                      role="menuitem"
                      className={`menu__item menu__item--${stage.kind}`}
                      disabled={current}
                      onClick={() => {
                        close();
                        onMove(stage);
                      }}
                    >
                      <span>{stage.name}</span>
                      <span className="menu__hint">{current ? t('board.currentStage') : format.percent(stage.probability / 100)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>,
            document.body,
          )
        : null}
    </>
  );
}
