import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../../db/contract/record-kinds';
import { en } from './en';
import { zhCN } from './zh-CN';

describe('record kinds in both languages', () => {
  it.each([
    ['en', en],
    ['zh-CN', zhCN],
  ])('%s names every kind for badges, tabs and sentences', (_language, resources) => {
    const names = (resources as { recordKinds: Record<string, Record<string, string>> }).recordKinds;
    for (const kind of RECORD_KINDS) {
      for (const form of ['one', 'many', 'noun']) expect(names[kind]?.[form], `${kind}.${form}`).toMatch(/\S/);
    }
    expect(Object.keys(names).sort()).toEqual([...RECORD_KINDS].sort());
  });
});
