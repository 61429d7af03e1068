import { describe, expect, it } from 'vitest';
import { clusterRecords, givenNameConflict, hardConflict, pairsWithinClusters } from './cluster';
import { normalizePersonName } from './normalize/person';
import { normalizeRecord } from './normalize/record';

const person = (name: string) => normalizePersonName(name)!;

describe('clusterRecords', () => {
  it('joins records linked only through a third (transitive matches)', () => {
    const result = clusterRecords(3, [{ a: 0, b: 1, probability: 0.99 }, { a: 1, b: 2, probability: 0.9 }], 0.8, () => false);
    expect(result.clusters).toEqual([[0, 1, 2]]);
    expect(pairsWithinClusters(result.clusters)).toEqual([[0, 1], [0, 2], [1, 2]]);
  });

  it('ignores links below the cut-off', () => {
    const result = clusterRecords(3, [{ a: 0, b: 1, probability: 0.5 }], 0.8, () => false);
    expect(result.clusters).toEqual([[0], [1], [2]]);
  });

  it('refuses a join when any cross pair conflicts, taking the strongest links first', () => {
    // 0–1 strong, 2–1 weaker, but 0 and 2 conflict: 2 stays apart.
    const links = [{ a: 1, b: 2, probability: 0.85 }, { a: 0, b: 1, probability: 0.99 }];
    const result = clusterRecords(3, links, 0.8, (i, j) => (i === 0 && j === 2) || (i === 2 && j === 0));
    expect(result.clusters).toEqual([[0, 1], [2]]);
    expect(result.refusedLinks).toBe(1);
    expect(result.clusterOf).toEqual([0, 0, 1]);
  });
});

describe('hardConflict', () => {
  const record = (contactName: string, extra: Record<string, unknown> = {}) => normalizeRecord({ contactName, ...extra });

  it('different birth dates, not transposed', () => {
    expect(hardConflict(record('John Smith', { dateOfBirth: '10/10/1970' }), record('John Smith', { dateOfBirth: '3/15/1990' }))).toBe('dateOfBirth');
    expect(hardConflict(record('Wei Zhang', { dateOfBirth: '8/2/2006' }), record('Wei Zhang', { dateOfBirth: '2/8/2006' }))).toBeNull();
  });

  it('different identifiers of one kind', () => {
    const a = record('Pat Smith', { identifiers: [{ type: 'passport', value: '10251111', country: 'US' }] });
    const b = record('Pat Smith', { identifiers: [{ type: 'passport', value: '10252222', country: 'US' }] });
    expect(hardConflict(a, b)).toBe('identifier');
  });

  it('clearly different given names, unless an identifier agrees', () => {
    expect(hardConflict(record('John Smith'), record('Patrick Smith'))).toBe('givenName');
    const ssn = { identifiers: [{ type: 'ssn', value: '483290175' }] };
    expect(hardConflict(record('Lee Toulouse', ssn), record('Leigh Toulouse', ssn))).toBeNull();
  });

  it('father and son', () => {
    expect(hardConflict(record('David Dobbins Jr'), record('David Dobbins Senior'))).toBe('generation');
    expect(hardConflict(record('David Dobbins Jr'), record('David Dobbins'))).toBeNull();
  });
});

describe('givenNameConflict', () => {
  it.each<[string, string, boolean]>([
    ['John Smith', 'Patrick Smith', true],
    ['Patrick Smith', 'Patricia Smith', true],
    ['Edward Kusha', 'Ed Knight', false],
    ['Shaw Daniella', 'Daniella Shaw', false],
    ['Robert Smith', 'B Smith', false],
    ['Susan Mooney', 'Susan Moony', false],
    ['Wang Jie', '王杰', false],
    // An initial that stands for neither the name nor a nickname of it; a nickname of two names.
    ['B Smith', 'Patricia Smith', true],
    ['J Smith', 'K Smith', false],
    ['Pat Smith', 'Patricia Smith', false],
    ['Pat Smith', 'Patrick Smith', false],
  ])('%s / %s → %s', (a, b, expected) => expect(givenNameConflict(person(a), person(b))).toBe(expected));
});
