/** The fields of `next` whose value differs from `base` (deep, by JSON): what an update sends. */
export function changedFields<T extends Record<string, unknown>>(base: T | null, next: T, ignore: readonly string[] = []): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T & string)[]) {
    if (ignore.includes(key)) continue;
    if (!base || JSON.stringify(base[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch;
}
