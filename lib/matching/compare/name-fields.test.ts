import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import type { CustomerRecord } from '../types';
import { companyNameComparison, contactNameComparison, generationComparison, legalFormComparison, personNameComparison } from './name-fields';
import { alignNameWords, soundAlike } from './name-words';
import type { ComparisonSignals, FieldComparisonDefinition } from './types';

function level(definition: FieldComparisonDefinition, a: CustomerRecord, b: CustomerRecord, signals: ComparisonSignals = {}) {
  return definition.compare(normalizeRecord(a), normalizeRecord(b), signals).level;
}

describe('companyNameComparison', () => {
  it.each<[string | null, string | null, string]>([
    ['Acme Corporation', 'ACME Corp.', 'exact'],
    ['The Acme Company', 'Acme Inc', 'exact'],
    // A name that is only a legal form names no company: a different name, never an agreement.
    ['Corp', 'Acme Corp', 'else'],
    ['Corp', 'Corp', 'null'],
    [null, 'Acme', 'null'],
    ['Acme Manufacturing', 'Acme Manufacturng', 'jw95'],
    ['Acme Holdings', 'Acme Group', 'distinctiveEqual'],
    ['Acme Holdings', 'Acme Labs', 'else'],
    ['Acme Labs', 'Acme Foods', 'else'],
    ['Univrsl Export Inc', 'Universal Exports', 'jw88'],
    ['Exports Universal', 'Universal Exports', 'distinctiveEqual'],
    ['Coffee Blue Ridge Roasters', 'Blue Ridge Coffee Roasting', 'tokenSet80'],
    ['Globex', 'Initech', 'else'],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(level(companyNameComparison, { companyName: a }, { companyName: b })).toBe(expected);
  });

  it('uses the name-embedding cosine only when string measures found nothing', () => {
    expect(level(companyNameComparison, { companyName: 'Globex' }, { companyName: 'Initech' }, { nameCosine: 0.93 })).toBe('cosine90');
    expect(level(companyNameComparison, { companyName: 'Acme' }, { companyName: 'Acme' }, { nameCosine: 0.1 })).toBe('exact');
  });

  it('asks for the term frequency of the agreed core name', () => {
    const outcome = companyNameComparison.compare(normalizeRecord({ companyName: 'Acme Inc' }), normalizeRecord({ companyName: 'ACME LLC' }), {});
    expect(outcome.termFrequencyKey).toEqual({ field: 'companyName', value: 'acme' });
  });
});

describe('legalFormComparison', () => {
  it.each<[string, string, string]>([
    ['Acme Inc', 'Acme Incorporated', 'same'],
    ['Acme Inc', 'Acme LLC', 'different'],
    ['Acme', 'Acme LLC', 'null'],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(level(legalFormComparison, { companyName: a }, { companyName: b })).toBe(expected);
  });
});

describe('person name levels (personName for person customers, contactName at companies)', () => {
  it.each<[string | null, string | null, string]>([
    ['Robert Smith', 'Smith, Bob', 'exact'],
    ['John Smith', 'Smith John', 'exact'],
    ['Jonathan Smith', 'Jonathon Smyth', 'fuzzy'],
    ['Maria Sentosa', 'Maria Luis Sentosa', 'partial'],
    ['elton', 'elton miller', 'partial'],
    ['J. Smith', 'John Smith', 'initials'],
    ['B Smith', 'Bob Smith', 'initials'],
    // An initial may stand for a nickname of the name: B(ob) for Robert.
    ['B Smith', 'Robert Smith', 'initials'],
    ['Daniella Shaw', 'Shaw Daniella', 'exact'],
    ['Mhd Antoun', 'Mohamed Antoun', 'exact'],
    ['Eddie Kusha', 'Edward Kusha', 'exact'],
    ['Robert E Smith', 'Robert Smith', 'partial'],
    ['Annabel Thropr', 'Annabel Thorpe', 'oneWordOtherSimilar'],
    ['Edward Kusha', 'Ed Knight', 'oneWord'],
    // A surname shared up to a typing error is shared; close given names with other surnames are not.
    ['Zara Thompson', 'Sarah Tompson', 'oneWordOtherSimilar'],
    ['Jorg Swarm', 'Jorge Barge', 'else'],
    ['Alice Jones', 'Robert Smith', 'else'],
    [null, 'Robert Smith', 'null'],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(level(personNameComparison, { contactName: a }, { contactName: b })).toBe(expected);
    expect(level(contactNameComparison, { companyName: 'Acme', contactName: a }, { contactName: b })).toBe(expected);
  });

  it('gives each pair to exactly one of the two fields', () => {
    const people = [{ contactName: 'Bob Smith' }, { contactName: 'Robert Smith' }];
    expect(level(contactNameComparison, people[0], people[1])).toBe('null');
    expect(level(personNameComparison, people[0], people[1])).toBe('exact');
    const atCompanies = people.map((person) => ({ ...person, companyName: 'Acme' }));
    expect(level(contactNameComparison, atCompanies[0], atCompanies[1])).toBe('exact');
    expect(level(personNameComparison, atCompanies[0], atCompanies[1])).toBe('null');
  });
});

describe('personNameComparison: how relatives’ names differ', () => {
  const person = (a: string, b: string) => level(personNameComparison, { contactName: a }, { contactName: b });
  const contact = (a: string, b: string) => level(contactNameComparison, { companyName: 'Acme', contactName: a }, { contactName: b });

  it.each<[string, string, string, string]>([
    // A shared surname with clearly different given names (or an initial that stands for neither).
    ['Patricia Smith', 'Robert Smith', 'givenConflict', 'oneWord'],
    ['John Smith', 'Patrick Smith', 'givenConflict', 'oneWord'],
    ['B Smith', 'Patricia Smith', 'givenConflict', 'oneWord'],
  ])('%s vs %s → person %s, company contact %s', (a, b, asPerson, asContact) => {
    expect(person(a, b)).toBe(asPerson);
    expect(contact(a, b)).toBe(asContact);
  });

  it('compares the generation on its own: the name agrees, the generation contradicts', () => {
    const generation = (a: string, b: string) => level(generationComparison, { contactName: a }, { contactName: b });
    expect(person('David Dobbins Jr', 'David Dobbins Senior')).toBe('exact');
    expect(generation('David Dobbins Jr', 'David Dobbins Senior')).toBe('different');
    expect(person('Robert Smith Sr', 'Bob Smith Jr.')).toBe('exact');
    expect(generation('Robert Smith Sr', 'Bob Smith Jr.')).toBe('different');
    expect(generation('Morris Klein II', 'Morris Klein Jr')).toBe('same');
    // Beside a numbered name a lone "I" is the numeral: the first and the second of one name.
    expect(generation('Morris I Klein', 'Morris II Klein')).toBe('different');
    expect(generationComparison.compare(normalizeRecord({ contactName: 'Morris I Klein' }), normalizeRecord({ contactName: 'Morris II Klein' }), {})).toMatchObject({ left: 'I', right: 'II' });
    expect(generation('Morris III Klein', 'Morris I Klein')).toBe('different');
    // Otherwise it is an initial: Jr is no numeral; beside a numbered name that has an I too, or a word
    // I may stand for, it is that middle initial.
    expect(generation('Morris I Klein', 'Morris Klein Jr')).toBe('null');
    expect(generation('Morris I Klein II', 'Morris I Klein')).toBe('null');
    expect(generation('Morris I. Klein', 'Morris Isaac Klein III')).toBe('null');
    // Only one states a generation, or a company contact: not compared.
    expect(generation('David Dobbins Jr', 'David Dobbins')).toBe('null');
    expect(level(generationComparison, { companyName: 'Acme', contactName: 'David Dobbins Jr' }, { contactName: 'David Dobbins Sr' })).toBe('null');
    expect(generationComparison.levels.filter((level) => level.contradicts).map((level) => level.name)).toEqual(['different']);
  });

  it('is no conflict when nothing else is shared, the given name may be the same, or only one states a generation', () => {
    expect(person('Jorge Barge', 'Leslie Leonard')).toBe('else');
    // "Pat" may be Patricia or Patrick: neither reading is a conflict.
    expect(person('Pat Smith', 'Patricia Smith')).not.toBe('givenConflict');
    expect(person('Pat Smith', 'Patrick Smith')).not.toBe('givenConflict');
    expect(['exact', 'fuzzy']).toContain(person('Pat Smith', 'Patrick Smith'));
    expect(person('David Dobbins Jr', 'David Dobbins')).toBe('exact');
    expect(person('Shaw Daniella', 'Daniella Shaw')).toBe('exact');
  });

  it('takes given names that sound alike for spellings of one name: no conflict, but no agreement on the given name either', () => {
    // Lee / Leigh / Lea, Zara / Sarah, Keeley / Kaylee: one Double Metaphone code.
    for (const [a, b] of [['Lee Toulouse', 'Leigh Toulouse'], ['Lea Toulouse', 'Lee Toulouse'], ['Zara Thompson', 'Sarah Thompson'], ['Keeley Jones', 'Kaylee Jones']]) {
      expect(person(a, b)).not.toBe('givenConflict');
      expect(['oneWord', 'oneWordOtherSimilar']).toContain(person(a, b));
    }
    // John / Jane sound alike too: still only the surname agrees, never the name.
    expect(['oneWord', 'oneWordOtherSimilar']).toContain(person('John Smith', 'Jane Smith'));
    // A short form without the first syllables is not another person's name.
    expect(person('Anastassia Alexopoulos', 'Alexopoulos, Nastassia')).not.toBe('givenConflict');
    expect(person('Alexandra Meyer', 'Sandra Meyer')).not.toBe('givenConflict');
    expect(person('Andrea Meyer', 'Dean Meyer')).toBe('givenConflict');
    // A surname shared up to a typing error is a shared surname.
    expect(person('Zara Thompson', 'Peter Tompson')).toBe('givenConflict');
    expect(contact('Zara Thompson', 'Peter Tompson')).toBe('oneWord');
    // Names that do not sound alike stay a conflict.
    expect(person('Mark Kusha', 'Marsha Kusha')).toBe('givenConflict');
    expect(person('Darla Anderson', 'Darlene Anderson')).toBe('givenConflict');
  });

  it('soundAlike needs two letters and a shared code', () => {
    expect(soundAlike('leigh', 'lea')).toBe(true);
    expect(soundAlike('zara', 'sarah')).toBe(true);
    expect(soundAlike('mark', 'marsha')).toBe(false);
    expect(soundAlike('b', 'bob')).toBe(false);
  });

  it('declares a prior for every person-name level, m and u each summing to 1, and the given-name conflict as a contradiction', () => {
    const levels = personNameComparison.levels;
    expect(levels.every((level) => level.prior)).toBe(true);
    expect(levels.reduce((sum, level) => sum + level.prior!.m, 0)).toBeCloseTo(1, 12);
    expect(levels.reduce((sum, level) => sum + level.prior!.u, 0)).toBeCloseTo(1, 12);
    expect(levels.filter((level) => level.contradicts).map((level) => level.name)).toEqual(['givenConflict']);
  });
});

describe('alignNameWords', () => {
  it('pairs each word once, best agreement first', () => {
    const words = (...names: string[]) => names.map((name) => ({ written: name, formal: name }));
    expect(alignNameWords(words('john', 'smith'), words('smith', 'j'))).toEqual(['exact', 'initial']);
    expect(alignNameWords(words('ann'), words('ann', 'ann'))).toEqual(['exact']);
    expect(alignNameWords([{ written: 'bob', formal: 'robert' }], words('robert'))).toEqual(['exact']);
  });
});

describe('personNameComparison: other scripts and distinct known names', () => {
  it('compares names in a romanised script in Latin letters, others as missing rather than as a different name', () => {
    expect(level(personNameComparison, { contactName: '王杰' }, { contactName: 'Jie Wang' })).toBe('exact');
    expect(level(personNameComparison, { contactName: 'Васильев, Александр' }, { contactName: 'Alexander Vasiliev' })).toBe('fuzzy');
    expect(level(personNameComparison, { contactName: 'فيصل صديقي' }, { contactName: 'Faisal Siddiqui' })).toBe('null');
  });

  it('does not read two different known given names as a typo of one', () => {
    expect(level(personNameComparison, { contactName: 'Patrick Smith' }, { contactName: 'Patricia Smith' })).toBe('givenConflict');
    expect(level(contactNameComparison, { companyName: 'Acme', contactName: 'Patrick Smith' }, { contactName: 'Patricia Smith' })).toBe('oneWord');
    expect(level(personNameComparison, { contactName: 'Susan Mooney' }, { contactName: 'Susan Moony' })).toBe('fuzzy');
  });
});
