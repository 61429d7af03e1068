// Person names: one canonical reading regardless of order ("Smith, John"), titles, suffixes
// and nicknames ("Bob" → robert), keeping initials so "J. Smith" can be compared to "John Smith".
import { formalGivenName } from './nicknames';
import { cleanText, words } from './text';

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'rev', 'hon']);
const SUFFIXES = new Set(['jr', 'sr', 'junior', 'senior', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);

export interface NormalizedPerson {
  /** Cleaned words in the given order, nicknames kept: what a user sees. */
  display: string;
  /** Cleaned words, nicknames kept, original order. */
  words: string[];
  /** The same words with nicknames replaced by formal names. */
  formalWords: string[];
  /** Order-insensitive key: formal words sorted. Equal keys = same name up to order and nicknames. */
  key: string;
}

/** "Smith, John" → "John Smith"; a part after the comma that is only a suffix ("Jr") is dropped. */
function reorderFamilyFirst(raw: string): string {
  const commaAt = raw.indexOf(',');
  if (commaAt < 0) return raw;
  const before = raw.slice(0, commaAt);
  const after = raw.slice(commaAt + 1);
  const afterWords = words(cleanText(after));
  if (afterWords.length === 0 || afterWords.every((word) => SUFFIXES.has(word))) return before;
  return `${after} ${before}`;
}

export function normalizePersonName(raw: string | null | undefined): NormalizedPerson | null {
  if (!raw) return null;
  const nameWords = words(cleanText(reorderFamilyFirst(raw))).filter(
    (word) => !TITLES.has(word) && !SUFFIXES.has(word),
  );
  if (nameWords.length === 0) return null;
  const formalWords = nameWords.map(formalGivenName);
  return {
    display: nameWords.join(' '),
    words: nameWords,
    formalWords,
    key: [...formalWords].sort().join(' '),
  };
}

/** True when a one-letter word stands for the other word ("j" for "john"). */
export function isInitialOf(initial: string, word: string): boolean {
  return initial.length === 1 && word.startsWith(initial);
}
