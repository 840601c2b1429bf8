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

export function showToast(toast: Omit<Toast, 'id' | 'durationMs' | 'tone'> & Partial<Pick<Toast, 'durationMs' | 'tone'>>): number {
  const id = nextId++;
  const full: Toast = { tone: 'info', durationMs: toast.action ? 8000 : 5000, ...toast, id };
  toasts = [...toasts.slice(-3), full];
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
