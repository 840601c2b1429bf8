import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ModalProps {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  onDismiss: () => void;
  size?: 'small' | 'medium' | 'large';
  /** While true, Escape and the close button do nothing (a save is running). */
  busy?: boolean;
  role?: 'dialog' | 'alertdialog';
}

const FIELD_SELECTOR = [
  'input:not([type="hidden"]):not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[role="spinbutton"]:not([aria-disabled="true"])',
  '[role="combobox"]:not([aria-disabled="true"])',
].join(', ');

/** Where a dialog's focus starts: its first field, else the footer's primary (or last) button. */
function initialFocusTarget(dialog: HTMLDialogElement): HTMLElement | null {
  const field = dialog.querySelector<HTMLElement>(`.modal__body :is(${FIELD_SELECTOR})`);
  if (field) return field;
  const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('.modal__footer button:not([disabled])')];
  return buttons.find((button) => /button--(primary|danger)\b/.test(button.className)) ?? buttons.at(-1) ?? null;
}

/**
 * A modal on the native <dialog>: focus is trapped and restored by the browser, Escape closes,
 * the rest of the page is inert. Named by its title for assistive technology and tests.
 */
export function Modal({ title, description, children, footer, onDismiss, size = 'medium', busy = false, role = 'dialog' }: ModalProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element, which is the close button in the header:
      // start on the first field instead, or, with no field, on the footer's main action.
      initialFocusTarget(dialog)?.focus();
    }
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal modal--${size}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onDismiss();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current && !busy) onDismiss();
      }}
    >
      <div className="modal__frame">
        <header className="modal__header">
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onDismiss} disabled={busy}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {description ? (
          <p id={descriptionId} className="modal__description">
            {description}
          </p>
        ) : null}
        {children ? <div className="modal__body">{children}</div> : null}
        {footer ? <footer className="modal__footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
