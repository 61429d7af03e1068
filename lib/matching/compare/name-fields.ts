// Comparisons of who the record is: company core name, legal form, contact person.
import { isInitialOf, type NormalizedPerson } from '../normalize/person';
import { fuzzyWordOverlap, jaroWinkler, tokenSetRatio } from './similarity';
import { nullOutcome, type FieldComparisonDefinition } from './types';

/** Cosine on name embeddings above which two names read the same (translations, reordering). */
const NAME_COSINE_LEVEL = 0.9;

export const companyNameComparison: FieldComparisonDefinition = {
  field: 'companyName',
  levels: ['exact', 'jw95', 'distinctiveEqual', 'jw88', 'tokenSet80', 'cosine90', 'else'],
  description: 'Core company name (legal form removed): exact, Jaro-Winkler ≥ 0.95, same distinctive words, JW ≥ 0.88, token-set ≥ 0.8, name embedding cosine ≥ 0.9',
  compare(a, b, signals) {
    const left = a.company?.core ?? null;
    const right = b.company?.core ?? null;
    // An empty core ("Corp" alone) is missing, never an exact match on nothing.
    if (!left || !right) return nullOutcome(left, right);
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
    if (!left || !right) return nullOutcome(left, right);
    return { level: left === right ? 'same' : 'different', left, right };
  },
};

type WordAgreement = 'exact' | 'close' | 'initial' | 'none';

/** A name word as written and with its nickname resolved: "bob" / "robert". */
interface NameWord {
  written: string;
  formal: string;
}

function agreement(a: NameWord, b: NameWord): WordAgreement {
  if (a.formal === b.formal || a.written === b.written) return 'exact';
  if (isInitialOf(a.written, b.written) || isInitialOf(b.written, a.written)) return 'initial';
  const long = a.written.length > 1 && b.written.length > 1;
  if (long && Math.max(jaroWinkler(a.formal, b.formal), jaroWinkler(a.written, b.written)) >= 0.88) return 'close';
  return 'none';
}

const RANK: Record<WordAgreement, number> = { exact: 3, close: 2, initial: 1, none: 0 };

function nameWords(person: NormalizedPerson): NameWord[] {
  return person.words.map((written, index) => ({ written, formal: person.formalWords[index] }));
}

/** Pairs each word of the shorter name with its best partner in the longer one (greedy, one-to-one). */
export function alignNameWords(a: NameWord[], b: NameWord[]): WordAgreement[] {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const candidates = shorter.flatMap((word, i) =>
    longer.map((other, j) => ({ i, j, kind: agreement(word, other), jw: jaroWinkler(word.formal, other.formal) })),
  );
  candidates.sort((x, y) => RANK[y.kind] - RANK[x.kind] || y.jw - x.jw);
  const usedShort = new Set<number>();
  const usedLong = new Set<number>();
  const result: WordAgreement[] = [];
  for (const candidate of candidates) {
    if (usedShort.has(candidate.i) || usedLong.has(candidate.j)) continue;
    usedShort.add(candidate.i);
    usedLong.add(candidate.j);
    result.push(candidate.kind);
  }
  return result;
}

export const contactNameComparison: FieldComparisonDefinition = {
  field: 'contactName',
  levels: ['exact', 'fuzzy', 'partial', 'initials', 'oneWord', 'else'],
  description: 'Contact person: same name up to order and nicknames, all words close (JW ≥ 0.88), one name a subset of the other, initials compatible, one word shared',
  compare(a, b) {
    const left = a.contact?.display ?? null;
    const right = b.contact?.display ?? null;
    if (!a.contact || !b.contact) return nullOutcome(left, right);
    if (a.contact.key === b.contact.key) {
      return { level: 'exact', left, right, termFrequencyKey: { field: 'contactName', value: a.contact.key } };
    }
    const wordsA = nameWords(a.contact);
    const wordsB = nameWords(b.contact);
    const aligned = alignNameWords(wordsA, wordsB);
    const allCloseOrExact = aligned.every((kind) => kind === 'exact' || kind === 'close');
    if (allCloseOrExact && wordsA.length === wordsB.length) return { level: 'fuzzy', left, right };
    if (allCloseOrExact) return { level: 'partial', left, right };
    if (aligned.every((kind) => kind !== 'none')) return { level: 'initials', left, right };
    if (aligned.some((kind) => kind === 'exact')) return { level: 'oneWord', left, right };
    return { level: 'else', left, right };
  },
};
