// The evaluation's learning curve: labels drawn from the candidate pairs of one half of the incoming
// records, figures on the other half, each point's labels extending the previous point's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { findCustomerById } from '../db/queries/customers';
import { findIncomingById } from '../db/queries/incoming';
import { testDatabases } from '../db/testing';
import { splitIncoming } from '../evaluation/label-draw';
import { generateCompanyDataset } from '../evaluation/sample/generate';
import type { PairLabel } from './estimation-labels';
import { evaluateLearningCurve, type LearningCurve } from './learning-curve';

describe.each(testDatabases())('learning curve ($kind)', ({ open }) => {
  let handle: DatabaseHandle;
  let curve: LearningCurve;
  const dataset = generateCompanyDataset({ seed: 99, customers: 60 });
  const seed = 5;
  const labelSets: PairLabel[][] = [];
  beforeAll(async () => {
    handle = await open();
    // The estimator only records what it is given: the parameters stay, so every point must repeat the first.
    ({ curve } = await evaluateLearningCurve({ db: handle.db, actor: 'test' }, dataset, {
      labelCounts: [0, 10, 40, 1_000_000],
      seed,
      order: 'random',
      estimateWithLabels: async (_ctx, labels) => {
        labelSets.push(labels);
      },
    }));
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('draws labels only from the label half, each point extending the last, up to every labellable pair', async () => {
    const { labelHalf } = splitIncoming(dataset.incoming.map((r) => r.id), seed);
    expect(curve.labelRecords + curve.reportRecords).toBe(dataset.incoming.length);
    expect(labelSets.map((labels) => labels.length)).toEqual([10, 40, curve.labellablePairs]);
    expect(labelSets[1].slice(0, 10)).toEqual(labelSets[0]);
    const truth = new Set(dataset.truePairs.map(([incoming, customer]) => `${incoming}:${customer}`));
    for (const label of labelSets[2]) {
      const incoming = (await findIncomingById(handle.db, label.recordId))!.sourceId!;
      const customer = (await findCustomerById(handle.db, label.customerId))!.sourceId!;
      expect(labelHalf.has(incoming)).toBe(true);
      // Decided as the truth says.
      expect(truth.has(`${incoming}:${customer}`)).toBe(label.isMatch);
    }
    expect(labelSets[2].some((label) => label.isMatch)).toBe(true);
    expect(curve.points.map((point) => point.labels)).toEqual([0, 10, 40, curve.labellablePairs]);
    expect(curve.points.map((point) => point.labelMatches)).toEqual([0, ...labelSets.map((labels) => labels.filter((label) => label.isMatch).length)]);
  });

  it('reports the held-out half only, and re-matching it with the same parameters gives the same figures', () => {
    const [first, ...rest] = curve.points;
    expect(curve.reportTruePairs).toBeLessThan(dataset.truePairs.length);
    expect(first.f1).toBeGreaterThan(0.8);
    for (const point of rest) {
      expect({ ...point, labels: 0, labelMatches: 0 }).toEqual(first);
    }
  });
});
