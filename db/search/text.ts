/**
 * Text preparation for the search index: one place decides how records and queries are normalized,
 * so indexing and querying can never disagree.
 */
import { searchCode, type SearchKind } from '../contract/record-kinds';

/**
 * Record kinds in the index. An FTS rowid is `code << 59 | bucket << 27 | id`: the kind's search code,
 * a coarse bucket of the record's place in the kind's order (`searchOrderBucket`), and its id. FTS
 * streams `MATCH … ORDER BY rowid` in that order, so the first matches in a list's order are found by
 * reading the first buckets instead of every match. Rowids pass 2^53: they are BigInts on the JS side.
 * `search_entries` maps a record (`searchEntry`) to its current rowid, since a rename moves it.
 */
export type IndexedKind = SearchKind;
export const ID_BITS = 27n;
export const BUCKET_BITS = 32n;
const KIND_SHIFT = ID_BITS + BUCKET_BITS;
/** The largest record id the index can hold (134 million). */
export const MAX_INDEXED_ID = Number((1n << ID_BITS) - 1n);
export const ID_MASK = (1n << ID_BITS) - 1n;
export const MAX_BUCKET = Number((1n << BUCKET_BITS) - 1n);

/** The FTS rowid of a record of `kind` with `id` in order bucket `bucket`. */
export function searchRowid(kind: IndexedKind, bucket: number, id: number): bigint {
  if (!Number.isInteger(id) || id < 0 || id > MAX_INDEXED_ID) throw new Error(`Record id ${id} cannot be indexed`);
  return (BigInt(searchCode(kind)) << KIND_SHIFT) | (BigInt(bucket) << ID_BITS) | BigInt(id);
}

/** The first and last rowid of buckets `from`..`to` (inclusive) of `kind`. */
export function bucketRange(kind: IndexedKind, from = 0, to = MAX_BUCKET): [bigint, bigint] {
  const base = BigInt(searchCode(kind)) << KIND_SHIFT;
  return [base | (BigInt(from) << ID_BITS), base | (BigInt(to) << ID_BITS) | ID_MASK];
}

/** The key of a record in `search_entries` (below 2^53, one number per kind and id). */
export function searchEntry(kind: IndexedKind, id: number): number {
  return searchCode(kind) * 1_000_000_000_000 + id;
}

/**
 * The order bucket of a sort value: monotone (a value that sorts later never gets a smaller bucket),
 * so the index's rowid order is the kind's order up to ties within a bucket.
 * - text (SQLite's BINARY order, that is code point order): the first code points, each as a short
 *   order-preserving code (6 bits for a space, a digit or a lower-case letter; 17 for a CJK ideograph,
 *   exact; longer for rarer ranges), packed from the top and cut at 32 bits: about five Latin letters,
 *   or one Chinese character and most of the next;
 * - a time (epoch ms): whole seconds (to the year 2106).
 */
export function searchOrderBucket(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return Math.min(MAX_BUCKET, Math.max(0, Math.floor(value / 1000)));
  let bucket = 0n;
  let bits = 0n;
  for (const char of value) {
    const [code, width] = charCode(char.codePointAt(0)!);
    bucket = (bucket << width) | BigInt(code);
    bits += width;
    if (bits >= BUCKET_BITS) break;
  }
  return Number(bits >= BUCKET_BITS ? bucket >> (bits - BUCKET_BITS) : bucket << (BUCKET_BITS - bits));
}

/** Ranges of code points in order, each a 6-bit symbol and the bits of the offset within it. */
const CODE_RANGES: [from: number, to: number, offsetBits: number][] = [
  [0x00, 0x1f, 5],
  [0x20, 0x20, 0],
  [0x21, 0x2f, 4],
  ...Array.from({ length: 10 }, (_, digit) => [0x30 + digit, 0x30 + digit, 0] as [number, number, number]),
  [0x3a, 0x60, 6],
  ...Array.from({ length: 26 }, (_, letter) => [0x61 + letter, 0x61 + letter, 0] as [number, number, number]),
  [0x7b, 0x7f, 3],
  [0x80, 0x2fff, 14],
  [0x3000, 0x4dff, 13],
  ...Array.from({ length: 11 }, (_, block) => [0x4e00 + block * 0x800, 0x4e00 + block * 0x800 + 0x7ff, 11] as [number, number, number]),
  [0xa600, 0xffff, 16],
  [0x10000, 0x10ffff, 21],
];

function charCode(point: number): [bigint, bigint] {
  let low = 0;
  let high = CODE_RANGES.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (CODE_RANGES[middle]![0] <= point) low = middle;
    else high = middle - 1;
  }
  const [from, , offsetBits] = CODE_RANGES[low]!;
  return [(BigInt(low) << BigInt(offsetBits)) | BigInt(point - from), 6n + BigInt(offsetBits)];
}

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Phone numbers are searchable by their digits alone, whatever punctuation was typed. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

export function looksLikePhone(query: string): boolean {
  return /^[+\d\s().\-/]+$/.test(query) && phoneDigits(query).length >= 2;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Every 1- and 2-character piece of every word, for queries shorter than a trigram. */
export function shortGrams(text: string): string {
  const grams = new Set<string>();
  for (const match of normalizeText(text).matchAll(WORD)) {
    const chars = Array.from(match[0]);
    for (let index = 0; index < chars.length; index++) {
      grams.add(chars[index]!);
      if (index + 1 < chars.length) grams.add(chars[index]! + chars[index + 1]!);
    }
  }
  return [...grams].join(' ');
}

export interface QueryTerms {
  /** Terms of three or more characters: matched as substrings by the trigram index. */
  long: string[];
  /** Terms of one or two characters: matched against the short-gram index. */
  short: string[];
}

/**
 * The ways a user query can match: its words as typed and, when it looks like a phone number,
 * also its bare digits (phones are indexed both ways). A record matching any alternative is a hit.
 */
export function queryAlternatives(raw: string): QueryTerms[] {
  // Control characters separate words like spaces: FTS5 would read a NUL as the end of the query.
  const query = normalizeText(raw).replace(/\p{Cc}+/gu, ' ').trim();
  if (!query) return [];
  const alternatives = [termsOf(query.split(/\s+/))].filter((terms) => terms.long.length + terms.short.length > 0);
  const digits = phoneDigits(query);
  if (looksLikePhone(query) && digits.length >= 3 && digits !== query) alternatives.push(termsOf([digits]));
  return alternatives;
}

function termsOf(words: string[]): QueryTerms {
  const terms: QueryTerms = { long: [], short: [] };
  for (const word of words) {
    if (Array.from(word).length >= 3) {
      terms.long.push(word);
    } else {
      // Short terms are looked up as whole grams; punctuation inside them cannot be indexed.
      const cleaned = Array.from(word.matchAll(WORD), (match) => match[0]).join('');
      if (cleaned) terms.short.push(Array.from(cleaned).slice(0, 2).join(''));
    }
  }
  return terms;
}

/** FTS5 phrase syntax: a double-quoted string with inner quotes doubled. */
export function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
