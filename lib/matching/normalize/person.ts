// Person names: one canonical reading regardless of order ("Smith, John"), titles, suffixes
// and nicknames ("Bob" → robert), keeping initials so "J. Smith" can be compared to "John Smith".
import { formalGivenName } from './nicknames';
import { cleanText, words } from './text';

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'rev', 'hon']);
const SUFFIXES = new Set(['jr', 'sr', 'junior', 'senior', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);
/** Generational suffixes → the generation they name (1 = senior, 2 = junior / II, ...). */
const GENERATIONS: Record<string, number> = { sr: 1, senior: 1, jr: 2, junior: 2, ii: 2, iii: 3, iv: 4 };
const ROMAN_GENERATIONS = new Set(['ii', 'iii', 'iv']);

export interface NormalizedPerson {
  /** Cleaned words in the given order, nicknames kept: what a user sees. */
  display: string;
  /** Cleaned words, nicknames kept, original order. */
  words: string[];
  /** The same words with nicknames replaced by formal names. */
  formalWords: string[];
  /** Order-insensitive key: formal words sorted. Equal keys = same name up to order and nicknames. */
  key: string;
  /** Generation the name states ("Jr" / "II" → 2, "Sr" → 1), null when it states none. */
  generation: number | null;
  /** The generation was written as a roman numeral (II, III, IV), not as Jr / Sr. */
  romanGeneration: boolean;
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
  const allWords = words(cleanText(reorderFamilyFirst(raw)));
  const generationWord = allWords.slice(1).find((word) => GENERATIONS[word] !== undefined);
  const nameWords = allWords.filter(
    (word) => !TITLES.has(word) && !SUFFIXES.has(word),
  );
  if (nameWords.length === 0) return null;
  const formalWords = nameWords.map(formalGivenName);
  return {
    display: nameWords.join(' '),
    words: nameWords,
    formalWords,
    key: [...formalWords].sort().join(' '),
    generation: generationWord ? GENERATIONS[generationWord] : null,
    romanGeneration: generationWord !== undefined && ROMAN_GENERATIONS.has(generationWord),
  };
}

/**
 * The generation `person` states, read against `other`. A lone "I" is an initial on its own, but
 * beside a name numbered II, III or IV that has no word it could be the initial of, it is the
 * numeral: "Morris I Klein" / "Morris II Klein" are the first and the second of that name, as Sr
 * and Jr are; "Morris I Klein" / "Morris Isaac Klein III" is Isaac's initial.
 */
export function statedGeneration(person: NormalizedPerson, other: NormalizedPerson): number | null {
  if (person.generation !== null) return person.generation;
  const numeral = other.romanGeneration && person.words.slice(1).includes('i') && !other.words.some((word) => word.startsWith('i'));
  return numeral ? 1 : null;
}

/** True when both names state a generation and they differ ("David Dobbins Jr" / "David Dobbins Sr"): father and son. */
export function generationsDiffer(a: NormalizedPerson, b: NormalizedPerson): boolean {
  const generationA = statedGeneration(a, b);
  const generationB = statedGeneration(b, a);
  return generationA !== null && generationB !== null && generationA !== generationB;
}

/** True when a one-letter word stands for the other word ("j" for "john"). */
export function isInitialOf(initial: string, word: string): boolean {
  return initial.length === 1 && word.startsWith(initial);
}
