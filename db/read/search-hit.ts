import type Database from 'better-sqlite3';
import { normalizeText, queryAlternatives, type QueryTerms } from '../search/text';

/**
 * Whether one record's indexed text matches a query, decided the way the FTS index decides it, for
 * rows a list walks in its sort order. Asking FTS5 itself costs a seek into every segment per row
 * (0.1–0.3 ms); reading the row's stored text by its rowid and testing it here costs a few µs.
 * The property test in list-page.test.ts holds it to the index's own answers.
 *
 * - Terms of three or more characters (trigram index, `remove_diacritics 1`): the folded term is a
 *   substring of the folded text.
 * - Shorter terms (short-gram index of each word's 1- and 2-character pieces, `remove_diacritics 2`):
 *   the folded term is a piece of one word.
 */
export const SEARCH_HIT_FUNCTION = 'rapport_search_hit';

const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * FTS5's folding of one character: lower case, and a Latin letter's diacritic removed. Mode 1 (the
 * trigram tokenizer's) leaves letters with more than one diacritic as they are; mode 2 folds them too.
 */
function foldChar(char: string, mode: 1 | 2): string {
  const lower = char.toLowerCase();
  if (lower.length !== char.length || !LATIN.test(lower)) return lower;
  const decomposed = lower.normalize('NFD');
  const marks = decomposed.match(MARKS)?.length ?? 0;
  if (marks === 0 || (marks > 1 && mode === 1)) return lower;
  const base = decomposed.replace(MARKS, '');
  return base.length === 1 ? base : lower;
}

const folded = { 1: new Map<string, string>(), 2: new Map<string, string>() };
const NON_ASCII = /[^ -~\t\n\r]/;

/** `foldChar` remembered per character: rows are tested by the thousand. */
function foldCached(char: string, mode: 1 | 2): string {
  let result = folded[mode].get(char);
  if (result === undefined) {
    result = foldChar(char, mode);
    if (folded[mode].size < 50_000) folded[mode].set(char, result);
  }
  return result;
}

function fold(text: string, mode: 1 | 2): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let result = '';
  for (const char of text) result += char.charCodeAt(0) < 128 ? char.toLowerCase() : foldCached(char, mode);
  return result;
}

interface PreparedQuery {
  alternatives: { long: string[]; asciiLong: boolean; short: string[][] }[];
}

const ASCII_TERM = /^[ -~]*$/;
/** Letters that fold to another letter: a Latin letter outside ASCII (é → e). */
const FOLDING_LETTER = /(?![A-Za-z])\p{Script=Latin}/u;

/**
 * For ASCII terms, most rows are decided without folding: folding changes only Latin letters with
 * a diacritic, so a term found in the plainly lower-cased text is found in the folded one, and a
 * text without such letters folds to its lower case. 'fold' when only folding can tell.
 */
function asciiAnswer(text: string, terms: string[]): 'yes' | 'no' | 'fold' {
  const lower = text.toLowerCase();
  if (terms.every((term) => lower.includes(term))) return 'yes';
  return FOLDING_LETTER.test(text) ? 'fold' : 'no';
}

function prepare(alternatives: QueryTerms[]): PreparedQuery {
  return {
    alternatives: alternatives.map((terms) => ({
      long: terms.long.map((term) => fold(term, 1)),
      asciiLong: terms.long.every((term) => ASCII_TERM.test(fold(term, 1))),
      short: terms.short.map((term) => Array.from(fold(term, 2))),
    })),
  };
}

function hasPiece(words: string[][], piece: string[]): boolean {
  for (const word of words) {
    for (let index = 0; index + piece.length <= word.length; index++) {
      if (word[index] === piece[0] && (piece.length === 1 || word[index + 1] === piece[1])) return true;
    }
  }
  return false;
}

/** Whether `text` matches one of the query's alternatives `from` to `to` (exclusive; default all). */
export function searchHit(text: string, query: PreparedQuery, from = 0, to = query.alternatives.length): boolean {
  let trigramText: string | null = null;
  let words: string[][] | null = null;
  return query.alternatives.slice(from, to).some((terms) => {
    if (terms.long.length) {
      const quick = terms.asciiLong ? asciiAnswer(text, terms.long) : 'fold';
      if (quick === 'no') return false;
      if (quick === 'fold') {
        trigramText ??= fold(text, 1);
        if (!terms.long.every((term) => trigramText!.includes(term))) return false;
      }
    }
    if (terms.short.length) {
      words ??= Array.from(normalizeText(text).matchAll(WORD), (match) => Array.from(fold(match[0], 2)));
      if (!terms.short.every((piece) => hasPiece(words!, piece))) return false;
    }
    return true;
  });
}

const registered = new WeakSet<Database.Database>();

/** How many rows `rapport_search_hit` has tested in this process: what a walk costs, counted instead of timed (tests). */
export const searchHitCalls = { count: 0 };

/**
 * Adds `rapport_search_hit(text, query[, from, to])` to the connection (once): 1 when the text matches
 * the query (or its alternatives `from`..`to`), caching the last query's parsed form.
 */
export function registerSearchHit(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  let lastQuery: string | null = null;
  let prepared: PreparedQuery = { alternatives: [] };
  sqlite.function(SEARCH_HIT_FUNCTION, { deterministic: true, varargs: true }, (text: unknown, query: unknown, from?: unknown, to?: unknown) => {
    searchHitCalls.count++;
    if (typeof text !== 'string' || typeof query !== 'string') return 0;
    if (query !== lastQuery) {
      prepared = prepare(queryAlternatives(query));
      lastQuery = query;
    }
    return searchHit(text, prepared, typeof from === 'number' ? from : undefined, typeof to === 'number' ? to : undefined) ? 1 : 0;
  });
  registered.add(sqlite);
}
