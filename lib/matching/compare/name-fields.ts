// Comparisons of who the record is: company core name, legal form, contact person.
import { hasNonLatinLetters } from '../normalize/text';
import { generationsDiffer, statedGeneration, type NormalizedPerson } from '../normalize/person';
import { alignedWordPairs, differsBeyondTypo, givenNameConflict, loosely, nameWords, type AlignedWords, type NameWord } from './name-words';
import { fuzzyWordOverlap, jaroWinkler, tokenSetRatio } from './similarity';
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
  if (a.contact.key === b.contact.key) {
    return { level: 'exact', left, right, termFrequencyKey: { field: 'contactName', value: a.contact.key } };
  }
  // Words more than typing errors apart (Darla / Darletta) contradict at whatever level the rest
  // puts the name: the level, and so the weight EM learned for it, stays; the exact band is closed.
  const [wordsA, wordsB] = [nameWords(a.contact), nameWords(b.contact)];
  const pairs = alignedWordPairs(wordsA, wordsB);
  const twoNames = withConflicts && differsBeyondTypo(pairs) ? { contradicts: true as const } : {};
  return { level: nameLevel(a.contact, b.contact, { wordsA, wordsB, pairs }, withConflicts), left, right, ...twoNames };
}

/** The level of two names that are not the same up to order and nicknames, from their words and how those align. */
function nameLevel(
  a: NormalizedPerson,
  b: NormalizedPerson,
  { wordsA, wordsB, pairs }: { wordsA: NameWord[]; wordsB: NameWord[]; pairs: readonly AlignedWords[] },
  withConflicts: boolean,
): string {
  const aligned = pairs.map((pair) => pair.kind);
  const allCloseOrExact = aligned.every((kind) => kind === 'exact' || kind === 'close');
  if (allCloseOrExact && wordsA.length === wordsB.length) return 'fuzzy';
  if (allCloseOrExact) return 'partial';
  if (aligned.every((kind) => kind !== 'none')) return 'initials';
  const hasExact = aligned.some((kind) => kind === 'exact');
  // A shared surname and clearly different given names: two relatives, rarely one person.
  if (withConflicts && hasExact && givenNameConflict(a, b)) return 'givenConflict';
  if (hasExact && wordsA.length === wordsB.length && loosely(wordsA, wordsB)) return 'oneWordOtherSimilar';
  if (hasExact) return 'oneWord';
  return 'else';
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
