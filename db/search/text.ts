/**
 * Text preparation for the search index: one place decides how records and queries are normalized,
 * so indexing and querying can never disagree.
 */
import { SEARCH_KINDS, searchCode, type SearchKind } from '../contract/record-kinds';

/** Record kinds in the index; the FTS rowid is the kind's search code * KIND_STRIDE + record id. */
export type IndexedKind = SearchKind;
export const KIND_STRIDE = 1_000_000_000_000;

export function searchRowid(kind: IndexedKind, id: number): number {
  return searchCode(kind) * KIND_STRIDE + id;
}

export function fromSearchRowid(rowid: number): { kind: IndexedKind; id: number } {
  const code = Math.floor(rowid / KIND_STRIDE);
  const kind = SEARCH_KINDS.find((key) => searchCode(key) === code);
  if (!kind) throw new Error(`Unknown search rowid ${rowid}`);
  return { kind, id: rowid - code * KIND_STRIDE };
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
