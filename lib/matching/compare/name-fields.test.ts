import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import type { CustomerRecord } from '../types';
import { alignNameWords, companyNameComparison, contactNameComparison, legalFormComparison } from './name-fields';
import type { ComparisonSignals, FieldComparisonDefinition } from './types';

function level(definition: FieldComparisonDefinition, a: CustomerRecord, b: CustomerRecord, signals: ComparisonSignals = {}) {
  return definition.compare(normalizeRecord(a), normalizeRecord(b), signals).level;
}

describe('companyNameComparison', () => {
  it.each<[string | null, string | null, string]>([
    ['Acme Corporation', 'ACME Corp.', 'exact'],
    ['The Acme Company', 'Acme Inc', 'exact'],
    ['Corp', 'Acme Corp', 'null'],
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

describe('contactNameComparison', () => {
  it.each<[string | null, string | null, string]>([
    ['Robert Smith', 'Smith, Bob', 'exact'],
    ['John Smith', 'Smith John', 'exact'],
    ['Jonathan Smith', 'Jonathon Smyth', 'fuzzy'],
    ['Maria Sentosa', 'Maria Luis Sentosa', 'partial'],
    ['elton', 'elton miller', 'partial'],
    ['J. Smith', 'John Smith', 'initials'],
    ['B Smith', 'Bob Smith', 'initials'],
    ['Patricia Smith', 'Robert Smith', 'oneWord'],
    ['Alice Jones', 'Robert Smith', 'else'],
    [null, 'Robert Smith', 'null'],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(level(contactNameComparison, { contactName: a }, { contactName: b })).toBe(expected);
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
