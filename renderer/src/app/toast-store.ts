import { useSyncExternalStore } from 'react';

export interface ToastMessage {
  /** i18n key and interpolation values; translated when shown so a language switch applies. */
  key: string;
  values?: Record<string, unknown>;
}

export interface Toast {
  id: number;
  message: ToastMessage;
  tone: 'info' | 'success' | 'error';
  action?: { label: ToastMessage; run: () => void };
  durationMs: number;
}

type Listener = () => void;

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit() {
  for (const listener of listeners) listener();
}

function sameMessage(a: ToastMessage, b: ToastMessage): boolean {
  return a.key === b.key && JSON.stringify(a.values ?? {}) === JSON.stringify(b.values ?? {});
}

/**
 * Shows a toast; one saying exactly the same thing replaces the older one (two "Li Wei restored"
 * side by side tell the user nothing more), so the newest action always owns its message.
 */
export function showToast(toast: Omit<Toast, 'id' | 'durationMs' | 'tone'> & Partial<Pick<Toast, 'durationMs' | 'tone'>>): number {
  const id = nextId++;
  const full: Toast = { tone: 'info', durationMs: toast.action ? 8000 : 5000, ...toast, id };
  for (const older of toasts.filter((existing) => sameMessage(existing.message, full.message))) {
    clearTimeout(timers.get(older.id));
    timers.delete(older.id);
  }
  toasts = [...toasts.filter((existing) => !sameMessage(existing.message, full.message)).slice(-3), full];
  timers.set(
    id,
    setTimeout(() => dismissToast(id), full.durationMs),
  );
  emit();
  return id;
}

export function dismissToast(id: number) {
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
  const before = toasts.length;
  toasts = toasts.filter((toast) => toast.id !== id);
  if (toasts.length !== before) emit();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    subscribe,
    () => toasts,
    () => toasts,
  );
}
