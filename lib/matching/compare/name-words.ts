// Person names word by word: which word of one name stands for which of the other (up to order,
// nicknames, initials and typos), and when two given names are two people's.
import { doubleMetaphone } from 'double-metaphone';
import { givenNameVariants, isKnownFormalName, mayBeSameGivenName } from '../normalize/nicknames';
import { hasNonLatinLetters } from '../normalize/text';
import { isInitialOf, type NormalizedPerson } from '../normalize/person';
import { jaroWinkler, typingErrors } from './similarity';

export type WordAgreement = 'exact' | 'close' | 'initial' | 'none';

/** "B" stands for "Bob" and so for "Robert": an initial matches the name or any of its nicknames. */
function initialStandsFor(initial: NameWord, name: NameWord): boolean {
  return isInitialOf(initial.written, name.written) || givenNameVariants(name.formal).some((variant) => isInitialOf(initial.written, variant));
}

/** A name word as written and with its nickname resolved: "bob" / "robert". */
export interface NameWord {
  written: string;
  formal: string;
}

function agreement(a: NameWord, b: NameWord): WordAgreement {
  if (a.formal === b.formal || a.written === b.written || mayBeSameGivenName(a.written, b.written)) return 'exact';
  if (initialStandsFor(a, b) || initialStandsFor(b, a)) return 'initial';
  const long = a.written.length > 1 && b.written.length > 1;
  // Two different names of the table (Patrick / Patricia) are two people's names, not a typo.
  if (isKnownFormalName(a.formal) && isKnownFormalName(b.formal)) return 'none';
  if (long && Math.max(jaroWinkler(a.formal, b.formal), jaroWinkler(a.written, b.written)) >= 0.88) return 'close';
  return 'none';
}

const RANK: Record<WordAgreement, number> = { exact: 3, close: 2, initial: 1, none: 0 };

export function nameWords(person: NormalizedPerson): NameWord[] {
  return person.words.map((written, index) => ({ written, formal: person.formalWords[index] }));
}

export interface AlignedWords {
  kind: WordAgreement;
  /** The word of the shorter name and its partner in the longer one. */
  words: [NameWord, NameWord];
}

/** Pairs each word of the shorter name with its best partner in the longer one (greedy, one-to-one). */
export function alignedWordPairs(a: NameWord[], b: NameWord[]): AlignedWords[] {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const candidates = shorter.flatMap((word, i) =>
    longer.map((other, j) => ({ i, j, kind: agreement(word, other), jw: jaroWinkler(word.formal, other.formal) })),
  );
  candidates.sort((x, y) => RANK[y.kind] - RANK[x.kind] || y.jw - x.jw);
  const usedShort = new Set<number>();
  const usedLong = new Set<number>();
  const result: AlignedWords[] = [];
  for (const candidate of candidates) {
    if (usedShort.has(candidate.i) || usedLong.has(candidate.j)) continue;
    usedShort.add(candidate.i);
    usedLong.add(candidate.j);
    result.push({ kind: candidate.kind, words: [shorter[candidate.i], longer[candidate.j]] });
  }
  return result;
}

export function alignNameWords(a: NameWord[], b: NameWord[]): WordAgreement[] {
  return alignedWordPairs(a, b).map((pair) => pair.kind);
}

/** Typing errors a misspelt name carries at most: Jon / John 1, Steven / Stephen 2, Hernadnez / Hernandez 1 (a swap). */
const TYPING_ERRORS = 2;

/**
 * Words the close level pairs (JW ≥ 0.88) that differ by more than typing errors do: Darla /
 * Darletta, Anna / Annabelle, Smith / Smithson. Two names of one family, or a name cut short; the
 * spelling alone cannot tell which, so such a pair is never exact (band.ts) and a person decides.
 */
export function differsBeyondTypo(pairs: readonly AlignedWords[]): boolean {
  return pairs.some(
    ({ kind, words: [x, y] }) => kind === 'close' && typingErrors(x.written, y.written) > TYPING_ERRORS && typingErrors(x.formal, y.formal) > TYPING_ERRORS,
  );
}

/** Every word of one name has a partner with JW ≥ 0.7 in the other (typos beyond the close level). */
export function loosely(a: NameWord[], b: NameWord[]): boolean {
  const similar = (x: NameWord, y: NameWord) =>
    x.formal === y.formal || (!(isKnownFormalName(x.formal) && isKnownFormalName(y.formal)) && jaroWinkler(x.formal, y.formal) >= 0.7);
  return a.every((word) => b.some((other) => similar(word, other))) && b.every((word) => a.some((other) => similar(word, other)));
}

/**
 * Two given names that sound alike (Double Metaphone, either code): Lee / Leigh / Lea, Zara / Sarah,
 * Keeley / Kaylee. Spelling variants of one name, so not a sign of two people; not an agreement
 * either (John / Jane sound alike too), so the name level stays a surname-only one.
 */
export function soundAlike(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const codesA = doubleMetaphone(a).filter((code) => code.length > 0);
  const codesB = new Set(doubleMetaphone(b).filter((code) => code.length > 0));
  return codesA.some((code) => codesB.has(code));
}

/**
 * One given name is the other without its first syllables (Nastassia / Anastassia), a short form as a
 * name cut at its end (Anna / Annabelle) is, which the close level reads. Only for a longer name the
 * nickname table does not know: for one it knows (Alexandra → Sandra, Elizabeth → Beth) the table decides.
 */
export function shortFormFromEnd(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= 4 && shorter.length < longer.length && longer.endsWith(shorter) && !isKnownFormalName(longer);
}

function givenNamesAgree(a: NameWord, b: NameWord): boolean {
  if (agreement(a, b) !== 'none') return true;
  if (agreement({ written: a.written, formal: a.written }, { written: b.written, formal: b.written }) !== 'none') return true;
  return soundAlike(a.written, b.written) || shortFormFromEnd(a.written, b.written);
}

/**
 * Given names that clearly differ ("John Smith" / "Patrick Smith"), while nicknames, initials, typos,
 * sound-alikes, word order and a new surname do not; names in different scripts are not compared.
 */
export function givenNameConflict(a: NormalizedPerson, b: NormalizedPerson): boolean {
  if (a.key === b.key) return false;
  if (hasNonLatinLetters(a.display) !== hasNonLatinLetters(b.display)) return false;
  const wordsA = nameWords(a);
  const wordsB = nameWords(b);
  if (wordsA.length < 2 || wordsB.length < 2) return false;
  if (alignNameWords(wordsA, wordsB).every((kind) => kind !== 'none')) return false;
  // An initial against an initial says too little to call two given names different.
  if (wordsA[0].written.length < 2 && wordsB[0].written.length < 2) return false;
  return !givenNamesAgree(wordsA[0], wordsB[0]);
}
