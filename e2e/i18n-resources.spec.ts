import { expect, test } from '@playwright/test';
import { en } from '../renderer/src/i18n/en';
import { zhCN } from '../renderer/src/i18n/zh-CN';

/** Leaf keys, with plural suffixes folded (Chinese has only `_other`). */
function keys(resource: object, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') return keys(value, path);
    return [path.replace(/_(one|other)$/, '')];
  });
}

test('English and Simplified Chinese have the same strings', () => {
  const english = [...new Set(keys(en))].sort();
  const chinese = [...new Set(keys(zhCN))].sort();
  expect(chinese).toEqual(english);
  for (const key of chinese) expect(key).not.toBe('');
});
