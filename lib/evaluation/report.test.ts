import { describe, expect, it } from 'vitest';
import { resolveBandThresholds } from '../matching/band';
import { qualityReport } from './metrics';
import type { EvaluationResult } from '../services/evaluation';
import { evaluationJson, evaluationMarkdown, evaluationSummaryLines, reliabilityTableLines } from './report';

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

  it('reports the expected calibration error and the reliability table in JSON, Markdown and on the console', () => {
    // Buckets: 0.99 (true) gap 0.01, 0.9 (false) gap 0.9, 0.2 (true) gap 0.8; each a third of the pairs.
    const ece = (0.01 + 0.9 + 0.8) / 3;
    expect(evaluationJson(result, 'pglite').expected_calibration_error).toBeCloseTo(ece, 12);
    expect(evaluationSummaryLines(result, 'pglite').join('\n')).toContain(`expected calibration error ${ece.toFixed(4)} over 3 pairs`);
    const markdown = evaluationMarkdown(result, 'pglite');
    expect(markdown).toContain(`Expected calibration error: ${ece.toFixed(4)}.`);
    expect(markdown).toContain('| 0.9 | 0.95 | 1 | 0.9000 | 0.0000 | 0.9000 |');
    const table = reliabilityTableLines(result.quality.calibration);
    expect(table).toHaveLength(1 + result.quality.calibration.length);
    expect(table.find((line) => /^\s+0\.1\s+0\.3\s/.test(line))).toMatch(/\s1\s+0\.2000\s+1\.0000\s+0\.8000$/);
    expect(table.find((line) => /^\s+0\.3\s/.test(line))).toMatch(/\s0\s.*—$/);
  });
});
