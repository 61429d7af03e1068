import { describe, expect, it } from 'vitest';
import { labelDrawOrder, splitIncoming, type LabellablePair } from './label-draw';

const ids = Array.from({ length: 11 }, (_, i) => `r${String(i).padStart(2, '0')}`);

describe('splitIncoming', () => {
  it('splits the records into two disjoint halves that cover them all, the same for the same seed', () => {
    const split = splitIncoming(ids, 17);
    expect(split.labelHalf.size).toBe(6);
    expect(split.reportHalf.size).toBe(5);
    expect([...split.labelHalf].filter((id) => split.reportHalf.has(id))).toEqual([]);
    expect(new Set([...split.labelHalf, ...split.reportHalf])).toEqual(new Set(ids));
    expect(splitIncoming([...ids].reverse(), 17)).toEqual(split);
    expect(splitIncoming(ids, 18).labelHalf).not.toEqual(split.labelHalf);
  });
});

describe('labelDrawOrder', () => {
  const pair = (a: string, b: string, matchProbability: number): LabellablePair => ({ ids: [a, b], matchProbability, isTrueMatch: matchProbability > 0.5 });
  const pairs = [pair('a', 'x', 0.99), pair('b', 'x', 0.48), pair('c', 'x', 0.01), pair('d', 'x', 0.7), pair('e', 'x', 0.52), pair('f', 'x', 0.3)];

  it('uncertain: probability nearest 0.5 first, ties in id order', () => {
    expect(labelDrawOrder(pairs, 'uncertain', 1).map((p) => p.ids[0])).toEqual(['b', 'e', 'd', 'f', 'a', 'c']);
  });

  it('random: a seeded permutation that does not depend on the input order', () => {
    const drawn = labelDrawOrder(pairs, 'random', 5);
    expect(new Set(drawn)).toEqual(new Set(pairs));
    expect(labelDrawOrder([...pairs].reverse(), 'random', 5).map((p) => p.ids[0])).toEqual(drawn.map((p) => p.ids[0]));
    const orders = new Set([1, 2, 3, 4, 5, 6].map((seed) => labelDrawOrder(pairs, 'random', seed).map((p) => p.ids[0]).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });
});
