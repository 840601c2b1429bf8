import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { messageValues, validationMessage } from './validation-messages';
import { zhCN } from './zh-CN';

async function translator(lng: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng, interpolation: { escapeValue: false } });
  return i18n;
}

/** What the PIN field shows for a message of the core, as FieldErrorMessage renders it. */
async function shown(message: string, lng: 'en' | 'zh-CN'): Promise<string> {
  const known = validationMessage(message, 'server');
  if (!known) return message;
  return (await translator(lng)).t(known.key, messageValues(known, (value) => `#${value}`));
}

describe('the sign-in lockout on the PIN field', () => {
  it('says how long to wait in both languages, in the right plural', async () => {
    expect(await shown('Too many wrong PINs; try again in 1 minute', 'en')).toBe('Too many wrong PINs; try again in 1 minute');
    expect(await shown('Too many wrong PINs; try again in 15 minutes', 'en')).toBe('Too many wrong PINs; try again in 15 minutes');
    expect(await shown('Too many wrong PINs; try again in 4 minutes', 'zh-CN')).toBe('PIN 码错误次数过多，请 4 分钟后再试');
    expect(await shown('Wrong PIN', 'zh-CN')).toBe('PIN 码错误');
  });

  it('still formats the limits other messages state', async () => {
    expect(await shown('At most 200 characters', 'en')).toMatch(/#200/);
  });
});
