import { useCallback, useState } from 'react';

/** useState persisted as JSON in localStorage (kept across restarts) or sessionStorage (this window). */
export function useStoredState<T>(key: string, initial: T, storage: 'local' | 'session' = 'local'): [T, (value: T) => void] {
  const store = storage === 'local' ? localStorage : sessionStorage;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = store.getItem(key);
      return raw === null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        store.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the choice still holds for this session.
      }
    },
    [key, store],
  );
  return [value, update];
}
