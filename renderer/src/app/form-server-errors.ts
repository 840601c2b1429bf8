import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { fieldIssues } from './errors';

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
