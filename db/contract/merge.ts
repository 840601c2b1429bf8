/**
 * The three-way merge of a stale save. `base` is what the form loaded, `theirs` the record as it is
 * now (a CONFLICT's current row), `mine` the form's values; all three are whole records in the
 * update's input shape. Fields only they changed are kept, fields only I changed are sent, and only
 * fields both changed to different values are left for the person to choose.
 *
 * Comparison is per unit: a field, or a group of fields that only mean something together (money
 * is an amount and its currency), so a merge never pairs their amount with my currency. Values are
 * compared whole and deeply: a contact's emails are one value, not one per row. An object field
 * declared `nested` (an address) merges part by part: their street and my city are both kept.
 */
export interface MergeShape {
  /** Fields compared and chosen as one unit, such as `['amountMinor', 'currency']`. */
  groups?: readonly (readonly string[])[];
  /** Array fields whose order means nothing (tag ids): compared as sets. */
  sets?: readonly string[];
  /** Object fields merged part by part; their units are named `field.part`, the patch carries the whole object. */
  nested?: readonly string[];
}

/** A unit both sides changed to different values: the person picks theirs or mine. */
export interface MergeConflict {
  /** The unit's name: its first field. */
  unit: string;
  fields: string[];
}

export interface MergeResult<T> {
  /** Sent at their version when nothing overlaps: exactly the fields this user changed that they did not. */
  patch: Partial<T>;
  conflicts: MergeConflict[];
  /** Units only they changed (their values stay). */
  theirsChanged: string[];
  /** Units only I changed (the patch applies mine). */
  mineChanged: string[];
}

export type MergeChoice = 'theirs' | 'mine';

/** A value in a form that compares equal exactly when the values mean the same. */
function canonical(value: unknown, asSet: boolean): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, false));
    if (asSet) items.sort();
    return `[${items.join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, part]) => part !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, part]) => `${JSON.stringify(key)}:${canonical(part, false)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields of the three records split into units: groups first, then every other field alone. */
function unitsOf(fields: string[], shape: MergeShape): string[][] {
  const grouped = new Set<string>();
  const units: string[][] = [];
  for (const group of shape.groups ?? []) {
    const present = group.filter((field) => fields.includes(field));
    if (present.length === 0) continue;
    present.forEach((field) => grouped.add(field));
    units.push(present);
  }
  for (const field of fields) if (!grouped.has(field)) units.push([field]);
  return units;
}

function sameField(field: string, a: Record<string, unknown>, b: Record<string, unknown>, shape: MergeShape): boolean {
  const asSet = shape.sets?.includes(field) ?? false;
  return canonical(a[field], asSet) === canonical(b[field], asSet);
}

function sameUnit(unit: string[], a: Record<string, unknown>, b: Record<string, unknown>, shape: MergeShape): boolean {
  return unit.every((field) => sameField(field, a, b, shape));
}

/** The fields of `unit` whose value in `from` differs from `onto`: what it takes to make `onto` read `from`. */
function patchOf<T>(unit: string[], from: Record<string, unknown>, onto: Record<string, unknown>, shape: MergeShape): Partial<T> {
  const patch: Record<string, unknown> = {};
  for (const field of unit) if (!sameField(field, from, onto, shape)) patch[field] = from[field];
  return patch as Partial<T>;
}

type Flat = Record<string, unknown>;

/** A record with each nested object's parts as fields of their own (`address.city`). */
function flatten(record: Record<string, unknown>, shape: MergeShape): Flat {
  const flat: Flat = {};
  for (const [field, value] of Object.entries(record)) {
    if (shape.nested?.includes(field) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [part, partValue] of Object.entries(value as Record<string, unknown>)) flat[`${field}.${part}`] = partValue;
    } else flat[field] = value;
  }
  return flat;
}

/** A patch of flat fields as the update takes it: a nested object's changed parts laid over `onto`'s object. */
function unflatten<T>(patch: Flat, onto: Record<string, unknown>): Partial<T> {
  const result: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    const dot = field.indexOf('.');
    if (dot < 0) {
      result[field] = value;
      continue;
    }
    const parent = field.slice(0, dot);
    const whole = (result[parent] ?? { ...(onto[parent] as Record<string, unknown> | undefined) }) as Record<string, unknown>;
    whole[field.slice(dot + 1)] = value;
    result[parent] = whole;
  }
  return result as Partial<T>;
}

function mergeFlat(base: Flat, theirs: Flat, mine: Flat, shape: MergeShape): MergeResult<Flat> {
  const fields = [...new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)])];
  const result: MergeResult<Flat> = { patch: {}, conflicts: [], theirsChanged: [], mineChanged: [] };
  for (const unit of unitsOf(fields, shape)) {
    const mineChanged = !sameUnit(unit, base, mine, shape);
    const theirsChanged = !sameUnit(unit, base, theirs, shape);
    if (!mineChanged) {
      if (theirsChanged) result.theirsChanged.push(unit[0]!);
      continue;
    }
    if (!theirsChanged) {
      result.mineChanged.push(unit[0]!);
      Object.assign(result.patch, patchOf<Flat>(unit, mine, theirs, shape));
    }
    else if (!sameUnit(unit, theirs, mine, shape)) result.conflicts.push({ unit: unit[0]!, fields: unit });
  }
  return result;
}

export function mergeThreeWay<T extends Record<string, unknown>>(base: T, theirs: T, mine: T, shape: MergeShape = {}): MergeResult<T> {
  const result = mergeFlat(flatten(base, shape), flatten(theirs, shape), flatten(mine, shape), shape);
  return { ...result, patch: unflatten<T>(result.patch, theirs) };
}

/**
 * The write that settles a merge with the person's choices: the merge's own patch plus, for each
 * conflict chosen `mine`, the unit's fields that differ from theirs. A conflict without a choice
 * keeps theirs.
 */
export function resolveMerge<T extends Record<string, unknown>>(
  result: MergeResult<T>,
  theirs: T,
  mine: T,
  choices: Readonly<Record<string, MergeChoice>>,
  shape: MergeShape = {},
): Partial<T> {
  const flatTheirs = flatten(theirs, shape);
  const flatMine = flatten(mine, shape);
  const patch: Flat = flatten(result.patch, shape);
  for (const conflict of result.conflicts) {
    if (choices[conflict.unit] === 'mine') Object.assign(patch, patchOf<Flat>(conflict.fields, flatMine, flatTheirs, shape));
  }
  return unflatten<T>(patch, theirs);
}

/** Fields of `next` that differ from `base` under the shape's comparison: an ordinary (not stale) save's patch. */
export function changedFieldsOf<T extends Record<string, unknown>>(base: T, next: T, shape: MergeShape = {}): Partial<T> {
  const flatNext = flatten(next, shape);
  return unflatten<T>(patchOf<Flat>(Object.keys(flatNext), flatNext, flatten(base, shape), shape), base);
}
