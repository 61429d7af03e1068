import { describe, expect, test } from 'vitest';
import { Random } from './random';

const draws = (random: Random, count: number) => Array.from({ length: count }, () => random.next());

describe('Random', () => {
  test('the same seed and label give the same sequence; another seed or label does not', () => {
    expect(draws(new Random(42, 'a'), 20)).toEqual(draws(new Random(42, 'a'), 20));
    expect(draws(new Random(43, 'a'), 20)).not.toEqual(draws(new Random(42, 'a'), 20));
    // Neighbouring one-digit seeds once collided through the hash.
    const firstDraws = Array.from({ length: 100 }, (_, seed) => new Random(seed, 'customers').next());
    expect(new Set(firstDraws).size).toBe(100);
    expect(draws(new Random(42, 'b'), 20)).not.toEqual(draws(new Random(42, 'a'), 20));
  });

  test('a fork does not depend on how far its parent has drawn', () => {
    const fresh = new Random(7);
    const used = new Random(7);
    draws(used, 100);
    expect(draws(used.fork('x'), 10)).toEqual(draws(fresh.fork('x'), 10));
  });

  test('draws stay in range and cover it', () => {
    const random = new Random(1);
    const values = Array.from({ length: 5000 }, () => random.int(3, 7));
    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(7);
    const unit = draws(random, 5000);
    expect(unit.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = unit.reduce((a, b) => a + b, 0) / unit.length;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
  });

  test('weighted follows the weights and sample returns distinct items', () => {
    const random = new Random(3);
    const picks = Array.from({ length: 4000 }, () => random.weighted([['a', 3], ['b', 1]] as const));
    const shareA = picks.filter((pick) => pick === 'a').length / picks.length;
    expect(shareA).toBeGreaterThan(0.7);
    expect(shareA).toBeLessThan(0.8);
    const sample = random.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
  });
});
