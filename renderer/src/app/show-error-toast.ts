import { errorMessageKeyOf } from './errors';
import { showToast } from './toast-store';

/** The one place an unexpected API error becomes a message the user can act on. */
export function showErrorToast(error: unknown) {
  showToast({ tone: 'error', message: { key: errorMessageKeyOf(error) } });
}
