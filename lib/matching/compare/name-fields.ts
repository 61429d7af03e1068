// Comparisons of who the record is: company core name, legal form, contact person.
import { hasNonLatinLetters } from '../normalize/text';
import { generationsDiffer, statedGeneration, type NormalizedPerson } from '../normalize/person';
import { alignedWordPairs, differsBeyondTypo, givenNameConflict, loosely, nameWords, type AlignedWords, type NameWord } from './name-words';
import { fuzzyWordOverlap, jaroWinkler, tokenSetRatio } from './similarity';
import type { NormalizedRecord } from '../normalize/record';
import { agreeLevel, closeLevel, disagreeLevel, nullOutcome, type ComparisonLevel, type FieldComparisonDefinition, type LevelOutcome } from './types';

/** Cosine on name embeddings above which two names read the same (translations, reordering). */
const NAME_COSINE_LEVEL = 0.9;

export const companyNameComparison: FieldComparisonDefinition = {
  field: 'companyName',
  label: 'Company name',
  levels: [
    agreeLevel('exact', 'same name after normalising'),
    closeLevel('jw95', 'nearly the same name (a typing error or two)'),
    closeLevel('distinctiveEqual', 'same distinctive word in the name'),
    closeLevel('jw88', 'similar name'),
    closeLevel('tokenSet80', 'mostly the same words'),
    closeLevel('cosine90', 'similar in meaning'),
    disagreeLevel('else', 'different names'),
  ],
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
  label: 'Legal form',
  levels: [agreeLevel('same', 'same legal form'), disagreeLevel('different', 'different legal form')],
  description: 'Legal form (Inc, LLC, GmbH ...): weak evidence; missing on either side is no evidence',
  compare(a, b) {
    const left = a.company?.legalForm ?? null;
    const right = b.company?.legalForm ?? null;
    // A legal form is evidence about a named company; "Corp" alone is not a name to qualify.
    if (!left || !right || !a.company?.core || !b.company?.core) return nullOutcome(left, right);
    return { level: left === right ? 'same' : 'different', left, right };
  },
};

/** Levels of two names of people, in order; priors, where given, are the person customer's (personName). */
function personLevels(priors: Partial<Record<string, { m: number; u: number }>> = {}, withConflict = false): ComparisonLevel[] {
  const prior = (name: string) => (priors[name] ? { prior: priors[name] } : {});
  return [
    agreeLevel('exact', 'same name (order and nicknames aside)', prior('exact')),
    closeLevel('fuzzy', 'nearly the same name (typing errors)', prior('fuzzy')),
    closeLevel('partial', 'one name contains the other', prior('partial')),
    closeLevel('initials', 'initials fit the name', prior('initials')),
    closeLevel('oneWordOtherSimilar', 'one name word shared, the other similar', prior('oneWordOtherSimilar')),
    closeLevel('oneWord', 'one name word shared', prior('oneWord')),
    ...(withConflict ? [disagreeLevel('givenConflict', 'same surname, clearly different given names', { ...prior('givenConflict'), contradicts: true })] : []),
    disagreeLevel('else', 'different people', prior('else')),
  ];
}
const PERSON_LEVEL_TEXT =
  'same name up to order and nicknames, all words close (JW ≥ 0.88), one name a subset of the other, initials compatible, one word shared and the rest similar (JW ≥ 0.7), one word shared';

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
  // A surname shared up to a typing error (Thompson / Tompson) is shared, as the fuzzy level reads typos;
  // two close given names with different surnames (Jorg Swarm / Jorge Barge) share nothing of a family.
  const givenNames = (pair: AlignedWords) => pair.words.includes(wordsA[0]) && pair.words.includes(wordsB[0]);
  const shares = pairs.some((pair) => pair.kind === 'exact' || (pair.kind === 'close' && !givenNames(pair)));
  // A shared surname and clearly different given names: two relatives, rarely one person.
  if (withConflicts && shares && givenNameConflict(a, b)) return 'givenConflict';
  if (shares && wordsA.length === wordsB.length && loosely(wordsA, wordsB)) return 'oneWordOtherSimilar';
  if (shares) return 'oneWord';
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
  label: 'Contact person',
  levels: personLevels(),
  description: `Contact person at a company: ${PERSON_LEVEL_TEXT}`,
  compare(a, b) {
    if (!isCompanyPair(a, b)) return nullOutcome(a.contact?.display ?? null, b.contact?.display ?? null);
    return personNameLevel(a, b, false);
  },
};

/** The name of a person customer (neither record names a company): the name is the identity. */
export const personNameComparison: FieldComparisonDefinition = {
  field: 'personName',
  label: 'Name',
  // A person customer's name adds the way relatives' names differ: a shared surname, another given name.
  // Before any data with person customers is seen (the shipped defaults come from company data): one
  // person's two records mostly carry the same name up to order and nicknames, sometimes with a typo, a
  // dropped middle name or an initial; two different people share a surname or a given name about one
  // time in a hundred. Term frequencies replace u of the exact level; EM replaces the rest with data.
  levels: personLevels(
    {
      exact: { m: 0.702, u: 1e-4 },
      fuzzy: { m: 0.1, u: 1e-4 },
      partial: { m: 0.08, u: 2e-4 },
      initials: { m: 0.04, u: 5e-4 },
      oneWordOtherSimilar: { m: 0.03, u: 5e-4 },
      oneWord: { m: 0.025, u: 0.005 },
      givenConflict: { m: 0.005, u: 0.005 },
      else: { m: 0.018, u: 0.9886 },
    },
    true,
  ),
  description: `Person customer's name (no company on either record): ${PERSON_LEVEL_TEXT}; also a surname shared with clearly different given names`,
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
  label: 'Generation (Jr, Sr, II)',
  // Two different people who both state a generation differ a little more often than not; one person's
  // records rarely state two (a typing error): the different level contradicts, its m is not learned.
  levels: [
    agreeLevel('same', 'same generation (Jr, Sr, II)', { prior: { m: 0.98, u: 0.45 } }),
    disagreeLevel('different', 'different generation (e.g. Jr and Sr)', { prior: { m: 0.02, u: 0.55 }, contradicts: true, rulesOut: true }),
  ],
  description: 'Generation suffix of a person customer (Jr, Sr, II, III): same or different; compared only when both records state one',
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
