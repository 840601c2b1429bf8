import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { errorCodeOf, fieldIssues } from './errors';
import { showToast, type ToastMessage } from './toast-store';

/**
 * Puts a VALIDATION error's issues on a form: beside the field `fieldOf` maps the issue's path to
 * (focusing the first), or above the form when it names no field of the form.
 */
export function setServerErrors<Values extends FieldValues>(error: unknown, setError: UseFormSetError<Values>, fieldOf: (path: string) => FieldPath<Values> | null | undefined) {
  for (const issue of fieldIssues(error)) {
    const field = fieldOf(issue.path);
    if (field) setError(field, { type: 'server', message: issue.message }, { shouldFocus: true });
    else setError('root.server', { type: 'server', message: issue.message });
  }
}

/**
 * A dialog's save failed. A conflict (the record changed or went away meanwhile) closes the dialog
 * with the `conflict` toast; anything else is put on the form by setServerErrors.
 */
export function handleDialogSaveError<Values extends FieldValues>(
  error: unknown,
  { conflict, onClose, setError, fieldOf }: { conflict: ToastMessage; onClose: () => void; setError: UseFormSetError<Values>; fieldOf: (path: string) => FieldPath<Values> | null | undefined },
) {
  if (errorCodeOf(error) === 'CONFLICT') {
    showToast({ tone: 'error', message: conflict });
    onClose();
    return;
  }
  setServerErrors(error, setError, fieldOf);
}
