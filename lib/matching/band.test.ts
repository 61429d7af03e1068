import { describe, expect, it } from 'vitest';
import { confidenceBand, isMatch, resolveBandThresholds } from './band';

describe('resolveBandThresholds', () => {
  it('gives the documented bands by default', () => {
    expect(resolveBandThresholds()).toEqual({ exact: 0.95, high: 0.85, potential: 0.75, matchCutoff: 0.8 });
  });

  it.each([
    [{ highConfidenceThreshold: 0.8 }, { exact: 0.95, high: 0.75, potential: 0.75, matchCutoff: 0.8 }],
    [{ highConfidenceThreshold: 0.97 }, { exact: 0.97, high: 0.92, potential: 0.75, matchCutoff: 0.8 }],
    [{ potentialMatchThreshold: 0.6 }, { exact: 0.95, high: 0.85, potential: 0.6, matchCutoff: 0.8 }],
    [{ potentialMatchThreshold: 0.9 }, { exact: 0.95, high: 0.85, potential: 0.85, matchCutoff: 0.8 }],
    [{ defaultSimilarityThreshold: 0.5 }, { exact: 0.95, high: 0.85, potential: 0.75, matchCutoff: 0.5 }],
    [{ defaultSimilarityThreshold: 7, highConfidenceThreshold: Number.NaN }, { exact: 0.95, high: 0.85, potential: 0.75, matchCutoff: 0.8 }],
  ])('%j → %j', (settings, expected) => expect(resolveBandThresholds(settings)).toEqual(expected));
});

describe('confidenceBand', () => {
  const thresholds = resolveBandThresholds();
  it.each([
    [0.999, 'exact'], [0.95, 'exact'], [0.9499, 'high'], [0.85, 'high'],
    [0.8499, 'potential'], [0.75, 'potential'], [0.7499, 'low'], [0, 'low'],
  ] as const)('p=%f → %s', (p, band) => expect(confidenceBand(p, thresholds, null)).toBe(band));

  it.each(['contradiction', 'uncorroborated'] as const)('puts a held pair (%s) in high at most, whatever its p', (hold) => {
    expect(confidenceBand(0.9999, thresholds, hold)).toBe('high');
    expect(confidenceBand(0.95, thresholds, hold)).toBe('high');
    expect(confidenceBand(0.9, thresholds, hold)).toBe('high');
    expect(confidenceBand(0.8, thresholds, hold)).toBe('potential');
    expect(confidenceBand(0.1, thresholds, hold)).toBe('low');
    expect(confidenceBand(0.9999, thresholds, null)).toBe('exact');
  });

  it('cuts is_match at DEFAULT_SIMILARITY_THRESHOLD, independent of the bands', () => {
    expect(isMatch(0.8, thresholds)).toBe(true);
    expect(isMatch(0.79, thresholds)).toBe(false);
    expect(isMatch(0.79, resolveBandThresholds({ defaultSimilarityThreshold: 0.7 }))).toBe(true);
  });
});
