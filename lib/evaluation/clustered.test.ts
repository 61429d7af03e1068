import { describe, expect, it } from 'vitest';
import type { LabelledDataset } from './datasets/types';
import { clusteredQuality } from './clustered';

const key = (a: string, b: string) => `${a}\u0000${b}`;

describe('clusteredQuality', () => {
  const records = [
    { id: 'a', contactName: 'Robert Smith', dateOfBirth: '1978-12-11' },
    { id: 'b', contactName: 'Bob Smith', dateOfBirth: '1978-12-11' },
    { id: 'c', contactName: 'B. Smith', email: 'bsmith@work.com' },
    { id: 'd', contactName: 'Patricia Smith', dateOfBirth: '1954-03-31' },
  ];
  const dataset: LabelledDataset = {
    name: 'tiny',
    mode: 'dedupe',
    customers: records,
    incoming: records,
    truePairs: [['a', 'b'], ['a', 'c'], ['b', 'c']],
    hardNegativePairs: [['a', 'd']],
    notes: [],
  };

  it('finds pairs linked only through a third record, and counts them', () => {
    // a~b and b~c are scored above the cut-off, a~c is not: clustering still predicts a~c.
    const result = clusteredQuality(dataset, new Map([[key('a', 'b'), 0.97], [key('b', 'c'), 0.9], [key('a', 'c'), 0.2]]), 0.8);
    expect(result).toMatchObject({ entities: 2, truePositives: 3, falsePositives: 0, falseNegatives: 0, f1: 1, hardNegativesMerged: 0 });
  });

  it('refuses to join records with different dates of birth even when a pair scores high', () => {
    const result = clusteredQuality(dataset, new Map([[key('a', 'b'), 0.97], [key('a', 'd'), 0.99]]), 0.8);
    expect(result.hardNegativesMerged).toBe(0);
    expect(result.truePositives).toBe(1);
    expect(result.falseNegatives).toBe(2);
  });
});
