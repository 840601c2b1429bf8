import { describe, expect, it } from 'vitest';
import { SCALES, isSelected, parseBenchArgs } from './bench-args';

describe('the bench command line', () => {
  it('runs every path at 100k by default', () => {
    const args = parseBenchArgs([]);
    expect(args.scaleName).toBe('100k');
    expect(args.scale).toBe(SCALES['100k']);
    expect(args.only).toEqual([]);
  });

  it('takes a scale and any number of --only texts, lower-cased', () => {
    const args = parseBenchArgs(['--scale', '20k', '--only', 'Contact Page', '--only=open']);
    expect(args.scale.contacts).toBe(20_000);
    expect(args.only).toEqual(['contact page', 'open']);
  });

  it('refuses an unknown scale, an empty --only and stray words, with the usage', () => {
    expect(() => parseBenchArgs(['--scale', '5k'])).toThrow(/--scale must be one of 20k, 100k, 1m, not "5k"[\s\S]*Usage/);
    expect(() => parseBenchArgs(['--only', ' '])).toThrow(/--only needs some text[\s\S]*Usage/);
    expect(() => parseBenchArgs(['1m'])).toThrow(/Usage/);
    expect(() => parseBenchArgs(['--runs', '3'])).toThrow(/Usage/);
  });
});

describe('--only', () => {
  it('selects everything when empty', () => {
    expect(isSelected([], 'contact page (record, channels, tags)')).toBe(true);
  });

  it('selects the paths whose name contains any of the texts, ignoring case', () => {
    const only = parseBenchArgs(['--only', 'CONTACT PAGE', '--only', 'kanban']).only;
    expect(isSelected(only, 'contact page (record, channels, tags)')).toBe(true);
    expect(isSelected(only, 'kanban board (all stages: totals + 100 cards each)')).toBe(true);
    expect(isSelected(only, 'contact list, default first page (name, total)')).toBe(false);
    expect(isSelected(only, 'open to the first contacts-list row in Chromium')).toBe(false);
  });
});
