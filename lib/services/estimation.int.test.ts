// Steward decisions as labels: `npm run params -- estimate` (estimateParametersFromDatabase) reads the
// accepted, merged and rejected candidates and holds them fixed in EM; other decisions are no labels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { testDatabases } from '../db/testing';
import { generateCompanyDataset } from '../evaluation/sample/generate';
import { reviewInputSchema } from '../schemas/review';
import { createCustomersBulk } from './customers';
import { estimateParametersFromDatabase } from './estimation';
import { stewardLabels } from './estimation-labels';
import { toInput } from './evaluation';
import { submitIncomingBulk } from './incoming';
import { matchIncoming } from './matching';
import { currentParameters } from './parameters';
import { reviewMatch } from './resolution';

describe.each(testDatabases())('estimation with steward labels ($kind)', ({ open }) => {
  let handle: DatabaseHandle;
  const decided = { accept: 0, reject: 0 };
  beforeAll(async () => {
    handle = await open();
    const ctx = { db: handle.db, actor: 'steward' };
    const dataset = generateCompanyDataset({ seed: 515, customers: 120 });
    await createCustomersBulk(ctx, dataset.customers.map(toInput));
    const incomingIds = await submitIncomingBulk(ctx, dataset.incoming.map(toInput));
    // A steward decides the best candidate of the first 40 records: accepts every other one and rejects
    // the rest. Labels are what stewards decided, right or wrong, so the truth plays no part here.
    for (let i = 0; i < 40; i += 1) {
      const [best] = (await matchIncoming(ctx, incomingIds[i])).matches;
      if (!best) continue;
      const decision = i % 2 === 0 ? 'accept' : 'reject';
      await reviewMatch(ctx, best.result.id, reviewInputSchema.parse({ decision, expected_version: best.result.version }));
      decided[decision] += 1;
    }
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('reads accepted pairs as matches and rejected ones as non-matches, never the candidates an accept superseded', async () => {
    const labels = await stewardLabels(handle.db);
    expect(decided.accept).toBeGreaterThan(5);
    expect(decided.reject).toBeGreaterThan(5);
    expect(labels.filter((label) => label.isMatch)).toHaveLength(decided.accept);
    expect(labels.filter((label) => !label.isMatch)).toHaveLength(decided.reject);
  });

  it('holds the labels fixed in EM, records outside the EM sample included, and records them with the estimate', async () => {
    const ctx = { db: handle.db, actor: 'test' };
    // 15 sampled records of 120: most labelled records are outside the sample and are compared for their labels.
    const summary = await estimateParametersFromDatabase(ctx, { source: 'test-labels', sampleSize: 15, randomSide: 100 });
    expect(summary.labels.notCandidates).toBe(0);
    expect(summary.labels).toMatchObject({ matches: decided.accept, nonMatches: decided.reject });
    expect((await currentParameters(handle.db)).training?.labels).toEqual({ matches: decided.accept, nonMatches: decided.reject });

    const unlabelled = await estimateParametersFromDatabase(ctx, { source: 'test-no-labels', sampleSize: 15, randomSide: 100, labels: [] });
    expect(unlabelled.labels).toEqual({ matches: 0, nonMatches: 0, notCandidates: 0 });
    expect((await currentParameters(handle.db)).training?.labels).toBeUndefined();
    // Labels change the estimate (here the matches among few sampled pairs).
    expect(summary.parameters.fields).not.toEqual(unlabelled.parameters.fields);
  }, 300_000);
});
