import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFieldsOf, mergeThreeWay, resolveMerge, type MergeChoice, type MergeShape } from './merge';

const SHAPE: MergeShape = { groups: [['amountMinor', 'currency']], sets: ['tagIds'], nested: ['address'] };
const FIELDS = ['name', 'city', 'amountMinor', 'currency', 'tagIds', 'emails', 'address'] as const;
type Row = Record<(typeof FIELDS)[number], unknown>;
/** The units compared: an address's parts each on their own. */
const FLAT_FIELDS = ['name', 'city', 'amountMinor', 'currency', 'tagIds', 'emails', 'address.street', 'address.city'] as const;

/** Few distinct values, so that two sides often pick the same one (converged edits) and often not. */
const value = {
  name: fc.constantFrom('王芳', 'Wang', ''),
  city: fc.constantFrom(null, '杭州', 'Shanghai'),
  amountMinor: fc.constantFrom(0, 100, 250),
  currency: fc.constantFrom('CNY', 'USD'),
  tagIds: fc.uniqueArray(fc.constantFrom(1, 2, 3), { maxLength: 3 }),
  emails: fc.array(fc.record({ label: fc.constantFrom('work', 'home'), value: fc.constantFrom('a@x.cn', 'b@x.cn') }), { maxLength: 2 }),
  address: fc.record({ street: fc.constantFrom(null, '1 Road'), city: fc.constantFrom(null, '杭州') }),
};
const row: fc.Arbitrary<Row> = fc.record(value);
/** A record derived from `base` by changing some fields (each side edits a few fields, as people do). */
const editOf = (base: Row) => fc.record(value).chain((other) => fc.subarray([...FIELDS]).map((changed) => ({ ...base, ...Object.fromEntries(changed.map((field) => [field, other[field]])) }) as Row));
const threeWay = row.chain((base) => fc.tuple(fc.constant(base), editOf(base), editOf(base)));

const canon = (field: string, v: unknown) => JSON.stringify(field === 'tagIds' && Array.isArray(v) ? [...v].sort() : v);
const read = (row: Record<string, unknown>, field: string) => (field.startsWith('address.') ? (row.address as Record<string, unknown> | undefined)?.[field.slice(8)] : row[field]);
const same = (field: string, a: Row, b: Row) => canon(field, read(a, field)) === canon(field, read(b, field));
const unitOf = (field: string) => (field === 'amountMinor' || field === 'currency' ? ['amountMinor', 'currency'] : [field]);
const unitSame = (field: string, a: Row, b: Row) => unitOf(field).every((f) => same(f, a, b));

describe('mergeThreeWay', () => {
  it('applies fields only I changed, keeps fields only they changed, and asks only where both changed differently', () => {
    fc.assert(
      fc.property(threeWay, ([base, theirs, mine]) => {
        const result = mergeThreeWay(base, theirs, mine, SHAPE);
        const conflicted = new Set(result.conflicts.flatMap((conflict) => conflict.fields));
        const inPatch = new Set(Object.keys(result.patch));
        for (const field of FLAT_FIELDS) {
          const mineChanged = !unitSame(field, base, mine);
          const theirsChanged = !unitSame(field, base, theirs);
          expect(conflicted.has(field)).toBe(mineChanged && theirsChanged && !unitSame(field, theirs, mine));
          // The patch holds exactly the fields this user changed that they did not, where the value differs from theirs.
          const onlyMine = mineChanged && !theirsChanged && !same(field, mine, theirs);
          if (onlyMine) expect(same(field, { ...theirs, ...result.patch } as Row, mine)).toBe(true);
          if (!field.startsWith('address.')) expect(inPatch.has(field)).toBe(onlyMine);
        }
        const units = (fields: string[]) => [...new Set(fields.map((field) => (field === 'currency' ? 'amountMinor' : field)))].sort();
        expect([...result.theirsChanged].sort()).toEqual(units(FLAT_FIELDS.filter((field) => !unitSame(field, base, theirs) && unitSame(field, base, mine))));
        expect([...result.mineChanged].sort()).toEqual(units(FLAT_FIELDS.filter((field) => !unitSame(field, base, mine) && unitSame(field, base, theirs))));
        // An address goes whole, but only when one of its parts is this user's alone.
        expect(inPatch.has('address')).toBe(FLAT_FIELDS.some((field) => field.startsWith('address.') && !same(field, base, mine) && same(field, base, theirs)));
      }),
    );
  });

  it('settled with every choice, their record plus the patch reads mine where chosen or only mine changed, theirs elsewhere', () => {
    fc.assert(
      fc.property(threeWay, fc.func(fc.constantFrom<MergeChoice>('theirs', 'mine')), ([base, theirs, mine], choose) => {
        const result = mergeThreeWay(base, theirs, mine, SHAPE);
        const choices = Object.fromEntries(result.conflicts.map((conflict, index) => [conflict.unit, choose(index)]));
        const merged = { ...theirs, ...resolveMerge(result, theirs, mine, choices, SHAPE) } as Row;
        for (const field of FLAT_FIELDS) {
          const conflict = result.conflicts.find((candidate) => candidate.fields.includes(field));
          const wantMine = conflict ? choices[conflict.unit] === 'mine' : !unitSame(field, base, mine);
          expect(same(field, merged, wantMine ? mine : theirs)).toBe(true);
        }
      }),
    );
  });

  it('is symmetric in which side asks: the same units conflict whoever saved first', () => {
    fc.assert(
      fc.property(threeWay, ([base, theirs, mine]) => {
        const units = (rows: [Row, Row]) => mergeThreeWay(base, rows[0], rows[1], SHAPE).conflicts.map((conflict) => conflict.unit).sort();
        expect(units([theirs, mine])).toEqual(units([mine, theirs]));
      }),
    );
  });

  it('changes nothing when I changed nothing, and sends my whole edit when they changed nothing', () => {
    fc.assert(
      fc.property(threeWay, ([base, theirs, mine]) => {
        expect(mergeThreeWay(base, theirs, base, SHAPE)).toMatchObject({ patch: {}, conflicts: [] });
        const untouched = mergeThreeWay(base, base, mine, SHAPE);
        expect(untouched.conflicts).toEqual([]);
        expect(untouched.patch).toEqual(changedFieldsOf(base, mine, SHAPE));
      }),
    );
  });

  it('treats money as one unit: their amount and my currency conflict instead of mixing', () => {
    const base = { amountMinor: 100, currency: 'CNY', title: 'Tea' };
    const result = mergeThreeWay(base, { ...base, amountMinor: 250 }, { ...base, currency: 'USD' }, SHAPE);
    expect(result.conflicts).toEqual([{ unit: 'amountMinor', fields: ['amountMinor', 'currency'] }]);
    expect(result.patch).toEqual({});
    expect(resolveMerge(result, { ...base, amountMinor: 250 }, { ...base, currency: 'USD' }, { amountMinor: 'mine' }, SHAPE)).toEqual({ amountMinor: 100, currency: 'USD' });
  });

  it('compares child rows as whole values: their new email and my new email conflict, a reordered tag set is no change', () => {
    const base = { emails: [{ label: 'work', value: 'a@x.cn' }], tagIds: [1, 2] };
    const theirs = { emails: [{ label: 'work', value: 'a@x.cn' }, { label: 'home', value: 'b@x.cn' }], tagIds: [2, 1] };
    const mine = { emails: [{ value: 'c@x.cn', label: 'work' }], tagIds: [1, 2, 3] };
    const result = mergeThreeWay(base, theirs, mine, SHAPE);
    expect(result.conflicts.map((conflict) => conflict.unit)).toEqual(['emails']);
    expect(result.theirsChanged).toEqual([]);
    expect(result.patch).toEqual({ tagIds: [1, 2, 3] });
  });

  it('merges an address part by part: their street and my city are both kept, in one whole address', () => {
    const base: { address: { street: string | null; city: string | null; country: string } } = { address: { street: null, city: null, country: 'CN' } };
    const theirs = { address: { street: '1 Road', city: null, country: 'CN' } };
    const mine = { address: { street: null, city: '杭州', country: 'CN' } };
    const result = mergeThreeWay(base, theirs, mine, SHAPE);
    expect(result.conflicts).toEqual([]);
    expect(result.theirsChanged).toEqual(['address.street']);
    expect(result.mineChanged).toEqual(['address.city']);
    expect(result.patch).toEqual({ address: { street: '1 Road', city: '杭州', country: 'CN' } });
    const both = mergeThreeWay(base, theirs, { address: { street: '2 Lane', city: null, country: 'CN' } }, SHAPE);
    expect(both.conflicts).toEqual([{ unit: 'address.street', fields: ['address.street'] }]);
    expect(resolveMerge(both, theirs, { address: { street: '2 Lane', city: null, country: 'CN' } }, { 'address.street': 'mine' }, SHAPE)).toEqual({ address: { street: '2 Lane', city: null, country: 'CN' } });
  });

  it('two people making the same change is no conflict and nothing to send', () => {
    const base: { city: string | null; name: string } = { city: null, name: 'A' };
    expect(mergeThreeWay(base, { ...base, city: '杭州' }, { ...base, city: '杭州' })).toEqual({ patch: {}, conflicts: [], theirsChanged: [], mineChanged: [] });
  });
});
