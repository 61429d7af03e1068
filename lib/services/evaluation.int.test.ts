import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabelledCsvDedupe } from '../evaluation/datasets/labelled-csv';
import type { DatabaseHandle } from '../db/client';
import { testDatabases } from '../db/testing';
import { generateCompanyDataset } from '../evaluation/sample/generate';
import { createCustomersBulk } from './customers';
import { evaluateDataset, toInput, type EvaluationResult } from './evaluation';
import { submitIncomingBulk } from './incoming';
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

// A user's one file with duplicates (npm run eval -- --dedupe): each record against all others.
describe.each(testDatabases())('dedupe evaluation of a labelled CSV ($kind)', ({ open }) => {
  let handle: DatabaseHandle;
  let result: EvaluationResult;
  beforeAll(async () => {
    handle = await open();
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-eval-'));
    const file = path.join(dir, 'customers.csv');
    writeFileSync(
      file,
      [
        'company_name,email,phone,address_line1,city,state,postal_code,country,entity_id',
        'Acme Corporation,orders@acme-tools.com,+1 702 555 0100,12 Main Street,Springfield,IL,62701,US,E1',
        'ACME Corp.,orders@acme-tools.com,(702) 555-0100,12 Main St,Springfield,IL,62701,US,E1',
        'Globex Ltd,info@globex.co.uk,+44 20 7946 0958,1 High Street,London,,EC1A 1BB,GB,E2',
        'Globex Limited,,+44 20 7946 0958,1 High St,London,,EC1A 1BB,GB,E2',
        'Initech LLC,,,4120 Freidrich Ln,Austin,TX,78744,US,E3',
      ].join('\n'),
    );
    result = await evaluateDataset({ db: handle.db, actor: 'test' }, await loadLabelledCsvDedupe(file));
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('finds both duplicate pairs and never matches a record with itself', () => {
    expect(result.dataset).toMatchObject({ mode: 'dedupe', customers: 5, incoming: 5, truePairs: 2 });
    // A record matched with itself would be a false positive: every field agrees with its copy.
    expect(result.quality).toMatchObject({ truePositives: 2, falsePositives: 0, falseNegatives: 0 });
  });

  it('resolves the records into entities', () => {
    expect(result.clustered).toMatchObject({ entities: 3, precision: 1, recall: 1 });
  });
});

// Evaluating a dedupe data set loads every record twice: as a customer and as an incoming record.
// EM must then learn from the customers among themselves, or each record meets its own copy.
describe.each(testDatabases())('estimation for a dedupe data set ($kind)', ({ open }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
    const { customers } = generateCompanyDataset({ seed: 77, customers: 110 });
    const ctx = { db: handle.db, actor: 'test' };
    await createCustomersBulk(ctx, customers.map(toInput));
    await submitIncomingBulk(ctx, customers.map(toInput));
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('pairs no record with itself when told the data set is dedupe', async () => {
    const ctx = { db: handle.db, actor: 'test' };
    const dedupe = await estimateParametersFromDatabase(ctx, { source: 'test-dedupe', mode: 'dedupe', randomSide: 150 });
    expect(dedupe.mode).toBe('dedupe');
    // 110 customers against the other 109: no self pair among the random pairs.
    expect(dedupe.randomPairs).toBe(110 * 109);
    // Left to itself it sees incoming records and learns link-style, self copies included: what the eval must avoid.
    const guessed = await estimateParametersFromDatabase(ctx, { source: 'test-guess', randomSide: 150 });
    expect(guessed.mode).toBe('link');
    expect(guessed.randomPairs).toBe(110 * 110);
  }, 120_000);
});
