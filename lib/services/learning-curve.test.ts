import { describe, expect, it } from 'vitest';
import type { LabelledDataset } from '../evaluation/datasets/types';
import { reportedPart } from './learning-curve';

const record = (id: string) => ({ id, companyName: id });

describe('reportedPart', () => {
  it('link: the reported incoming records with their true pairs; every customer stays a candidate', () => {
    const link: LabelledDataset = {
      name: 'link', mode: 'link', customers: [record('c1'), record('c2')], incoming: [record('i1'), record('i2')],
      truePairs: [['i1', 'c1'], ['i2', 'c2']], hardNegativePairs: [['i2', 'c1']], notes: [],
    };
    const part = reportedPart(link, new Set(['i2']));
    expect(part.incoming.map((r) => r.id)).toEqual(['i2']);
    expect(part.customers).toHaveLength(2);
    expect(part.truePairs).toEqual([['i2', 'c2']]);
    expect(part.hardNegativePairs).toEqual([['i2', 'c1']]);
  });

  it('dedupe: only pairs with both records reported, so a pair with a label-half record is never reported', () => {
    const records = ['a', 'b', 'c', 'd'].map(record);
    const dedupe: LabelledDataset = { name: 'dedupe', mode: 'dedupe', customers: records, incoming: records, truePairs: [['a', 'b'], ['c', 'd'], ['b', 'c']], notes: [] };
    const part = reportedPart(dedupe, new Set(['b', 'c', 'd']));
    expect(part.customers.map((r) => r.id)).toEqual(['b', 'c', 'd']);
    expect(part.incoming).toEqual(part.customers);
    expect(part.truePairs).toEqual([['c', 'd'], ['b', 'c']]);
  });
});
