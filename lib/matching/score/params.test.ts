import { describe, expect, it } from 'vitest';
import { MATCH_MODEL } from '../model';
import { DEFAULT_MATCH_PARAMETERS } from './default-params';
import { adjustPriorForCustomerCount, initialParameters, parseMatchParameters, withDeclaredLevels } from './params';

describe('parseMatchParameters', () => {
  const valid = { version: 'v1', lambda: 0.01, fields: { phone: { levels: { exact: { m: 0.9, u: 0.001 } } } } };

  it('accepts valid parameters', () => expect(parseMatchParameters(valid)).toEqual(valid));

  it.each([
    ['m of 0', { ...valid, fields: { phone: { levels: { exact: { m: 0, u: 0.1 } } } } }],
    ['u of 1', { ...valid, fields: { phone: { levels: { exact: { m: 0.5, u: 1 } } } } }],
    ['no lambda', { version: 'v1', fields: {} }],
    ['empty version', { ...valid, version: '' }],
  ])('rejects %s', (_name, json) => expect(() => parseMatchParameters(json)).toThrow());
});

describe('shipped default parameters', () => {
  it('are EM estimates covering every field a company pair can land on', () => {
    expect(DEFAULT_MATCH_PARAMETERS.training?.method).toBe('em');
    for (const definition of MATCH_MODEL.comparisons) {
      const levels = DEFAULT_MATCH_PARAMETERS.fields[definition.field]?.levels ?? {};
      expect(Object.keys(levels).sort()).toEqual(definition.levels.map((level) => level.name).sort());
    }
  });

  it('make agreement evidence for and disagreement evidence against a match', () => {
    const phone = DEFAULT_MATCH_PARAMETERS.fields.phone.levels;
    expect(phone.exact.m / phone.exact.u).toBeGreaterThan(1);
    expect(phone.else.m / phone.else.u).toBeLessThan(1);
  });
});

describe('initialParameters', () => {
  it('gives each field m falling and u rising down its levels, each summing to 1', () => {
    const initial = initialParameters();
    for (const definition of MATCH_MODEL.comparisons) {
      const levels = definition.levels.map((level) => initial.fields[definition.field].levels[level.name]);
      expect(levels.reduce((sum, level) => sum + level.m, 0)).toBeCloseTo(1, 12);
      expect(levels.reduce((sum, level) => sum + level.u, 0)).toBeCloseTo(1, 12);
      expect(levels[0].m).toBeGreaterThan(levels[levels.length - 1].m);
      expect(levels[0].u).toBeLessThan(levels[levels.length - 1].u);
    }
  });
});

describe('initialParameters with declared priors', () => {
  it('starts the fields that declare a prior from it, and records the declared weight limits', () => {
    const initial = initialParameters();
    const withPriors = MATCH_MODEL.comparisons.filter((candidate) => candidate.levels.every((level) => level.prior));
    expect(withPriors.map((definition) => definition.field)).toEqual(['identifier', 'personName', 'generation', 'dateOfBirth', 'industry']);
    for (const definition of withPriors) {
      const levels = initial.fields[definition.field].levels;
      for (const level of definition.levels) expect(levels[level.name]).toEqual(level.prior);
    }
    expect(initial.fields.dateOfBirth.levels.exact.u).toBeLessThan(1e-3);
    expect(initial.weightCaps).toEqual({ profileEmbedding: 3 });
    expect(Object.keys(initial.evidenceGroups ?? {})).toEqual(['contactPoint']);
  });
});

describe('withDeclaredLevels', () => {
  it('gives parameters from before a level existed its declared start, keeping every known value', () => {
    const old = initialParameters();
    const olderLevels = Object.fromEntries(Object.entries(old.fields.personName.levels).filter(([level]) => level !== 'givenConflict'));
    const older = { ...old, fields: { ...old.fields, personName: { levels: { ...olderLevels, exact: { m: 0.5, u: 0.01 } } } } };
    const completed = withDeclaredLevels(older);
    expect(completed.fields.personName.levels.givenConflict).toEqual(old.fields.personName.levels.givenConflict);
    expect(completed.fields.personName.levels.exact).toEqual({ m: 0.5, u: 0.01 });
  });
});

describe('adjustPriorForCustomerCount', () => {
  const trained = { ...initialParameters(undefined, 0.001), training: { method: 'em' as const, customers: 1000 } };
  it('scales λ inversely with the customer table size', () => {
    expect(adjustPriorForCustomerCount(trained, 10_000).lambda).toBeCloseTo(0.0001, 12);
    expect(adjustPriorForCustomerCount(trained, 100).lambda).toBeCloseTo(0.01, 12);
  });
  it('leaves parameters without a recorded size, or a nonsense count, unchanged', () => {
    const untrained = initialParameters(undefined, 0.001);
    expect(adjustPriorForCustomerCount(untrained, 10)).toBe(untrained);
    expect(adjustPriorForCustomerCount(trained, 0)).toBe(trained);
  });
});
