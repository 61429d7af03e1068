import { describe, expect, it } from 'vitest';
import type { LabelledDataset } from './datasets/types';
import { LabelledPairs } from './pair-outcomes';
import { clusteredQuality } from './clustered';

const record = (id: string, contactName: string) => ({ id, contactName });
const view = (matchWeight: number, competitionBits = 0) => ({ matchWeight, competitionBits });
const item: { exactHold: null } = { exactHold: null };

describe('LabelledPairs', () => {
  const link: LabelledDataset = {
    name: 'link-set',
    mode: 'link',
    customers: [record('c1', 'Ann Lee'), record('c2', 'Bo Li')],
    incoming: [record('i1', 'Ann Lee'), record('i2', 'Bob Li')],
    truePairs: [['i1', 'c1'], ['i2', 'c2']],
    notes: [],
  };

  it('lists a link set\'s errors without clustering it (eval-errors used to crash here)', () => {
    const pairs = new LabelledPairs<typeof item>(link);
    pairs.add('i1', 'c1', view(20), item);
    pairs.add('i1', 'c2', view(12), item);
    pairs.add('i2', 'c2', view(-5), item);
    const errors = pairs.errors(0.8);
    expect(errors.falsePositives.map((error) => error.ids)).toEqual([['i1', 'c2']]);
    expect(errors.falseNegatives.map((error) => error.ids)).toEqual([['i2', 'c2']]);
    expect(errors.clustered).toBeNull();
    expect(() => clusteredQuality(link, pairs.probabilities(), 0.8)).toThrow(/link data set/);
  });

  it('keys a dedupe pair once whichever record it was found from, and combines the views\' competition', () => {
    const dedupe: LabelledDataset = { name: 'dedupe-set', mode: 'dedupe', customers: link.customers, incoming: link.customers, truePairs: [['c1', 'c2']], notes: [] };
    const pairs = new LabelledPairs<typeof item>(dedupe);
    pairs.add('c2', 'c1', view(10, -3), item);
    pairs.add('c1', 'c2', view(9, -1), item);
    const outcomes = pairs.outcomes();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ key: 'c1\u0000c2', isTrueMatch: true });
    // The best view alone (13 bits before competition), less the competition both views saw: not above the alone figure.
    expect(outcomes[0].matchProbability).toBeLessThan(1 / (1 + 2 ** -13));
    expect(pairs.errors(0.8).clustered).not.toBeNull();
  });
});
