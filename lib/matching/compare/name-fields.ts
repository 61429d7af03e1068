// Comparisons of who the record is: company core name, legal form, contact person.
import { doubleMetaphone } from 'double-metaphone';
import { givenNameVariants, isKnownFormalName, mayBeSameGivenName } from '../normalize/nicknames';
import { hasNonLatinLetters } from '../normalize/text';
import { generationsDiffer, isInitialOf, statedGeneration, type NormalizedPerson } from '../normalize/person';
import { fuzzyWordOverlap, jaroWinkler, levenshtein, tokenSetRatio } from './similarity';
import type { NormalizedRecord } from '../normalize/record';
import { nullOutcome, type FieldComparisonDefinition, type LevelOutcome } from './types';

/** Cosine on name embeddings above which two names read the same (translations, reordering). */
const NAME_COSINE_LEVEL = 0.9;

export const companyNameComparison: FieldComparisonDefinition = {
  field: 'companyName',
  levels: ['exact', 'jw95', 'distinctiveEqual', 'jw88', 'tokenSet80', 'cosine90', 'else'],
  description: 'Core company name (legal form removed): exact, Jaro-Winkler ≥ 0.95, same distinctive words, JW ≥ 0.88, token-set ≥ 0.8, name embedding cosine ≥ 0.9',
  compare(a, b, signals) {
    const left = a.company?.core ?? null;
    const right = b.company?.core ?? null;
    if (!left || !right) {
      // A name that is only a legal form ("Corp") names no company: against a named company it
      // is a different name, never an agreement on nothing; with no name on the other side, missing.
      const onlyLegalForm = (a.company !== null && !left) || (b.company !== null && !right);
      return onlyLegalForm && (left || right) ? { level: 'else', left, right } : nullOutcome(left, right);
    }
    if (left === right) {
      return { level: 'exact', left, right, termFrequencyKey: { field: 'companyName', value: left } };
    }
    const jw = jaroWinkler(left, right);
    if (jw >= 0.95) return { level: 'jw95', left, right };
    const leftDistinctive = [...new Set(a.company!.distinctiveWords)].sort().join(' ');
    const rightDistinctive = [...new Set(b.company!.distinctiveWords)].sort().join(' ');
    if (leftDistinctive && leftDistinctive === rightDistinctive) return { level: 'distinctiveEqual', left, right };
    if (jw >= 0.88) return { level: 'jw88', left, right };
    const wordsLeft = a.company!.coreWords;
    const wordsRight = b.company!.coreWords;
    if (Math.max(tokenSetRatio(wordsLeft, wordsRight), fuzzyWordOverlap(wordsLeft, wordsRight)) >= 0.8) {
      return { level: 'tokenSet80', left, right };
    }
    if ((signals.nameCosine ?? 0) >= NAME_COSINE_LEVEL) return { level: 'cosine90', left, right };
    return { level: 'else', left, right };
  },
};

export const legalFormComparison: FieldComparisonDefinition = {
  field: 'legalForm',
  levels: ['same', 'different'],
  description: 'Legal form (Inc, LLC, GmbH ...): weak evidence; missing on either side is no evidence',
  compare(a, b) {
    const left = a.company?.legalForm ?? null;
    const right = b.company?.legalForm ?? null;
    // A legal form is evidence about a named company; "Corp" alone is not a name to qualify.
    if (!left || !right || !a.company?.core || !b.company?.core) return nullOutcome(left, right);
    return { level: left === right ? 'same' : 'different', left, right };
  },
};

type WordAgreement = 'exact' | 'close' | 'initial' | 'none';

/** "B" stands for "Bob" and so for "Robert": an initial matches the name or any of its nicknames. */
function initialStandsFor(initial: NameWord, name: NameWord): boolean {
  return isInitialOf(initial.written, name.written) || givenNameVariants(name.formal).some((variant) => isInitialOf(initial.written, variant));
}

/** A name word as written and with its nickname resolved: "bob" / "robert". */
interface NameWord {
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

function nameWords(person: NormalizedPerson): NameWord[] {
  return person.words.map((written, index) => ({ written, formal: person.formalWords[index] }));
}

interface AlignedWords {
  kind: WordAgreement;
  /** The word of the shorter name and its partner in the longer one. */
  words: [NameWord, NameWord];
}

/** Pairs each word of the shorter name with its best partner in the longer one (greedy, one-to-one). */
function alignedWordPairs(a: NameWord[], b: NameWord[]): AlignedWords[] {
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

/** At most this many letters differ between a name and its misspelling: Jon / John 1, Steven / Stephen 2. */
const TYPO_EDITS = 2;

/**
 * A word pair the close level accepts (JW ≥ 0.88) that differs in more letters than typing errors
 * change: Darla / Darletta, Anna / Annabelle. Two names of one family, or a name cut short; the
 * spelling alone cannot tell which, so the pair is never exact (band.ts) and a person decides.
 */
function differsBeyondTypo(pairs: readonly AlignedWords[]): boolean {
  return pairs.some(
    ({ kind, words: [x, y] }) => kind === 'close' && levenshtein(x.written, y.written) > TYPO_EDITS && levenshtein(x.formal, y.formal) > TYPO_EDITS,
  );
}

/** Every word of one name has a partner with JW ≥ 0.7 in the other (typos beyond the close level). */
function loosely(a: NameWord[], b: NameWord[]): boolean {
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

function givenNamesAgree(a: NameWord, b: NameWord): boolean {
  if (agreement(a, b) !== 'none') return true;
  if (agreement({ written: a.written, formal: a.written }, { written: b.written, formal: b.written }) !== 'none') return true;
  return soundAlike(a.written, b.written);
}

/**
 * Two person names whose given names clearly differ: the names do not align word for word (up to
 * order, nicknames, initials and typos), and the first words — the given names as written — are
 * neither the same name, a nickname of it, a near spelling, a name that sounds alike, nor an initial of it. "John Smith" /
 * "Patrick Smith" and "B Smith" / "Patricia Smith" conflict; "Edward Kusha" / "Ed Knight" (a new
 * surname) and "Shaw Daniella" / "Daniella Shaw" (order) do not. Names in different scripts are
 * not compared.
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

const PERSON_LEVELS = ['exact', 'fuzzy', 'partial', 'initials', 'oneWordOtherSimilar', 'oneWord', 'else'] as const;
const PERSON_LEVEL_TEXT =
  'same name up to order and nicknames, all words close (JW ≥ 0.88), one name a subset of the other, initials compatible, one word shared and the rest similar (JW ≥ 0.7), one word shared';

/** A person customer's name adds the way relatives' names differ: a shared surname, another given name. */
const PERSON_NAME_LEVELS = ['exact', 'fuzzy', 'partial', 'initials', 'oneWordOtherSimilar', 'oneWord', 'givenConflict', 'else'] as const;

function personNameLevel(a: NormalizedRecord, b: NormalizedRecord, withConflicts: boolean): LevelOutcome {
  const left = a.contact?.display ?? null;
  const right = b.contact?.display ?? null;
  if (!a.contact || !b.contact) return nullOutcome(left, right);
  // A name in another script (王杰 / Wang Jie) cannot be compared letter by letter: no evidence either way.
  if (hasNonLatinLetters(a.contact.display) !== hasNonLatinLetters(b.contact.display)) return nullOutcome(left, right);
  const wordsA = nameWords(a.contact);
  const wordsB = nameWords(b.contact);
  const pairs = alignedWordPairs(wordsA, wordsB);
  const aligned = pairs.map((pair) => pair.kind);
  if (a.contact.key === b.contact.key) {
    return { level: 'exact', left, right, termFrequencyKey: { field: 'contactName', value: a.contact.key } };
  }
  const allCloseOrExact = aligned.every((kind) => kind === 'exact' || kind === 'close');
  // The level (and so the weight EM learned for it) stays; only the exact band is closed to the pair.
  const twoNames = withConflicts && differsBeyondTypo(pairs) ? { contradicts: true as const } : {};
  if (allCloseOrExact && wordsA.length === wordsB.length) return { level: 'fuzzy', left, right, ...twoNames };
  if (allCloseOrExact) return { level: 'partial', left, right, ...twoNames };
  if (aligned.every((kind) => kind !== 'none')) return { level: 'initials', left, right };
  const hasExact = aligned.some((kind) => kind === 'exact');
  // A shared surname and clearly different given names: two relatives, rarely one person.
  if (withConflicts && hasExact && givenNameConflict(a.contact, b.contact)) return { level: 'givenConflict', left, right };
  if (hasExact && wordsA.length === wordsB.length && loosely(wordsA, wordsB)) return { level: 'oneWordOtherSimilar', left, right };
  if (hasExact) return { level: 'oneWord', left, right };
  return { level: 'else', left, right };
}

const isCompanyPair = (a: NormalizedRecord, b: NormalizedRecord) => a.company !== null || b.company !== null;

/**
 * The contact person at a company: people change jobs and companies have many contacts, so a
 * different name is weak evidence here. Person customers are compared in personName instead:
 * the two meanings get their own m and u.
 */
export const contactNameComparison: FieldComparisonDefinition = {
  field: 'contactName',
  levels: PERSON_LEVELS,
  description: `Contact person at a company: ${PERSON_LEVEL_TEXT}`,
  compare(a, b) {
    if (!isCompanyPair(a, b)) return nullOutcome(a.contact?.display ?? null, b.contact?.display ?? null);
    return personNameLevel(a, b, false);
  },
};

/** The name of a person customer (neither record names a company): the name is the identity. */
export const personNameComparison: FieldComparisonDefinition = {
  field: 'personName',
  levels: PERSON_NAME_LEVELS,
  description: `Person customer's name (no company on either record): ${PERSON_LEVEL_TEXT}; also a surname shared with clearly different given names`,
  uGivenSharedContact: true,
  // Before any data with person customers is seen (the shipped defaults come from company data):
  // one person's two records mostly carry the same name up to order and nicknames, sometimes with
  // a typo, a dropped middle name or an initial, rarely a changed name; two different people share
  // a surname or a given name about one time in a hundred and rarely more. Term frequencies
  // replace u of the exact level; EM replaces all of it wherever the data has person customers.
  prior: {
    exact: { m: 0.702, u: 1e-4 },
    fuzzy: { m: 0.1, u: 1e-4 },
    partial: { m: 0.08, u: 2e-4 },
    initials: { m: 0.04, u: 5e-4 },
    oneWordOtherSimilar: { m: 0.03, u: 5e-4 },
    oneWord: { m: 0.025, u: 0.005 },
    givenConflict: { m: 0.005, u: 0.005 },
    else: { m: 0.018, u: 0.9886 },
  },
  contradictionLevels: ['givenConflict'],
  // Among different people who share a mailbox, number or address — relatives and colleagues — a
  // shared surname with another given name is common and the same full name rare (a parent and a
  // child without Jr / Sr); EM on the candidate pairs replaces these wherever the data has them.
  priorUAtSharedContact: {
    exact: 0.01,
    fuzzy: 0.01,
    partial: 0.01,
    initials: 0.03,
    oneWordOtherSimilar: 0.03,
    oneWord: 0.03,
    givenConflict: 0.4,
    else: 0.48,
  },
  compare(a, b) {
    if (isCompanyPair(a, b)) return nullOutcome(a.contact?.display ?? null, b.contact?.display ?? null);
    return personNameLevel(a, b, true);
  },
};

/**
 * Jr / Sr / II / III as its own comparison: "David Dobbins Jr" and "David Dobbins Senior" agree on
 * the name (personName) and contradict on the generation (here), each level meaning one thing.
 * Compared only when both person records state a generation.
 */
export const generationComparison: FieldComparisonDefinition = {
  field: 'generation',
  levels: ['same', 'different'],
  description: 'Generation suffix of a person customer (Jr, Sr, II, III): same or different; compared only when both records state one',
  // Two different people who both state a generation: Jr, Sr, II and III spread so that they
  // differ a little more often than not. One person's records rarely state two generations (a
  // typing error): the different level is a contradiction, its m is not learned from unlabelled pairs.
  prior: {
    same: { m: 0.98, u: 0.45 },
    different: { m: 0.02, u: 0.55 },
  },
  contradictionLevels: ['different'],
  compare(a, b) {
    const left = a.contact ? generationName(a.contact, b.contact) : null;
    const right = b.contact ? generationName(b.contact, a.contact) : null;
    if (isCompanyPair(a, b) || !a.contact || !b.contact || left === null || right === null) return nullOutcome(left, right);
    return { level: generationsDiffer(a.contact, b.contact) ? 'different' : 'same', left, right };
  },
};

const GENERATION_NAMES: Record<number, string> = { 1: 'senior', 2: 'junior', 3: 'III', 4: 'IV' };
const ROMAN_NAMES: Record<number, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

/** The generation `person` states beside `other`, as a steward reads it: "junior", or "I" / "II" where numerals are used. */
function generationName(person: NormalizedPerson, other: NormalizedPerson | null): string | null {
  const generation = other ? statedGeneration(person, other) : person.generation;
  if (generation === null) return null;
  const numbered = person.romanGeneration || (person.generation === null && other?.romanGeneration === true);
  return (numbered ? ROMAN_NAMES[generation] : GENERATION_NAMES[generation]) ?? String(generation);
}
