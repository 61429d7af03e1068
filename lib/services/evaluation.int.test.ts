import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { testDatabases } from '../db/testing';
import { generateCompanyDataset } from '../sample/generate';
import { evaluateDataset, type EvaluationResult } from './evaluation';
import { estimateParametersFromDatabase } from './estimation';
import { currentParameters } from './parameters';

// A quality floor on fixed generated data through the real pipeline (database candidates, stored
// results), with parameters estimated by EM on the loaded records — labels only score the outcome.
describe.each(testDatabases())('evaluation on generated data ($kind)', ({ open }) => {
  let handle: DatabaseHandle;
  let result: EvaluationResult;
  beforeAll(async () => {
    handle = await open();
    const dataset = generateCompanyDataset({ seed: 424242, customers: 150 });
    result = await evaluateDataset({ db: handle.db, actor: 'test' }, dataset, {
      beforeMatching: async (ctx) => {
        await estimateParametersFromDatabase(ctx, { source: 'test', sampleSize: 300, randomSide: 150 });
      },
    });
  }, 600_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('reaches every true pair through candidate generation', () => {
    expect(result.quality.candidateRecall).toBeGreaterThanOrEqual(0.99);
  });

  it('scores above the quality floor at the default cut-off', () => {
    expect(result.quality.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.quality.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('puts no must-not-merge pair in the exact band', () => {
    expect(result.quality.hardNegativesInExactBand).toBe(0);
  });

  it('stored and used the EM estimate', async () => {
    const params = await currentParameters(handle.db);
    expect(params.version).toMatch(/^em-test-/);
    expect(result.parametersVersion).toBe(params.version);
    expect(params.training?.customers).toBe(150);
  });
});
