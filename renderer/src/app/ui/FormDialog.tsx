import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

export interface FormDialogProps {
  /** Names both the dialog and its form. */
  title: string;
  onClose: () => void;
  /** Saving or deleting: the buttons are disabled and the dialog cannot be dismissed. */
  busy: boolean;
  submitting: boolean;
  /** Editing an existing record: the submit button says Save. */
  editing: boolean;
  /** The submit button's label for a new record. */
  createLabel: string;
  /** Shown while editing: moves the record to Trash. */
  onDelete?: () => Promise<void>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  /** A server error that belongs to no one field. */
  formError?: string;
  /** The fields, laid out in the compact form grid. */
  children: ReactNode;
}

/** A record's create/edit form in a dialog: Delete (when editing), Cancel and Save in the footer. */
export function FormDialog({ title, onClose, busy, submitting, editing, createLabel, onDelete, onSubmit, formError, children }: FormDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  return (
    <Modal
      title={title}
      onDismiss={onClose}
      busy={busy}
      footer={
        <>
          {onDelete ? (
            <button type="button" className="button button--danger-ghost modal__footer-start" onClick={() => void onDelete().catch(() => undefined)} disabled={busy}>
              {t('common.delete')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy}>
            {submitting ? t('common.saving') : editing ? t('common.save') : createLabel}
          </button>
        </>
      }
    >
      <form id={formId} className="compact-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={title}>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="form-grid form-grid--compact">{children}</div>
      </form>
    </Modal>
  );
}
