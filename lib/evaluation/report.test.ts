import { describe, expect, it } from 'vitest';
import { resolveBandThresholds } from '../matching/band';
import { qualityReport } from './metrics';
import type { EvaluationResult } from '../services/evaluation';
import { evaluationJson, evaluationMarkdown, evaluationSummaryLines } from './report';

const thresholds = resolveBandThresholds();
const result: EvaluationResult = {
  dataset: { name: 'tiny', mode: 'link', customers: 3, incoming: 2, truePairs: 2, notes: ['note one'] },
  parametersVersion: 'v-test',
  thresholds,
  quality: qualityReport(
    [
      { matchProbability: 0.99, isTrueMatch: true, exactHold: null },
      { matchProbability: 0.9, isTrueMatch: false, exactHold: null },
      { matchProbability: 0.2, isTrueMatch: true, exactHold: null },
    ],
    2,
    thresholds,
  ),
  candidateCap: { recordsCapped: 0 },
  timings: { loadCustomersMs: 10, loadIncomingMs: 5, estimateMs: 0, matchMs: 1000, perRecordMs: { mean: 500, p50: 500, p95: 600, max: 600 } },
};

describe('evaluation report', () => {
  it('writes the documented JSON shape with measured figures', () => {
    const json = evaluationJson(result, 'pglite');
    expect(json).toMatchObject({ dataset: 'tiny', database: 'pglite', precision: 0.5, recall: 0.5, f1: 0.5, candidate_recall: 1, true_positives: 1, false_positives: 1, false_negatives: 1 });
    expect(json.bands.exact).toEqual({ pairs: 1, trueMatches: 1 });
    expect(json.timings_ms.match).toBe(1000);
  });

  it('summarises precision, recall, F1 and throughput on the console and in Markdown', () => {
    const lines = evaluationSummaryLines(result, 'pglite').join('\n');
    expect(lines).toContain('precision 0.5000  recall 0.5000  F1 0.5000');
    expect(lines).toContain('2.0 records/s');
    const markdown = evaluationMarkdown(result, 'pglite');
    expect(markdown).toContain('# Evaluation: tiny');
    expect(markdown).toContain('| exact | 1 | 1 | 1.0000 |');
    expect(markdown).toContain('- note one');
  });
});
