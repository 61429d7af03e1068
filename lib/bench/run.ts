// One bench run: a database and a size. Generates the customers and incoming records, loads them through
// the product's import, then measures in-process (engine, baseline, recall, search) and out of process
// (batch match processes, HTTP against next start). A failing step is noted and the others still run.
import { createReadStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createProgress } from '../cli/progress';
import type { DatabaseHandle } from '../db/client';
import { customerIdsBySourceId, storageSizes } from '../db/queries/bench';
import { countCustomers } from '../db/queries/customers';
import type { LabelledRecord } from '../evaluation/datasets/types';
import { generateCompanyDataset } from '../evaluation/sample/generate';
import { writeRecordsCsv } from '../import/generated-files';
import type { CustomerRecord } from '../matching/types';
import { searchInputSchema } from '../schemas/search';
import { importRecords } from '../services/import';
import { matchSettings } from '../services/matching-settings';
import { currentParameters } from '../services/parameters';
import { searchCustomers } from '../services/search';
import { benchDatabase } from './database';
import { engineLatency, naiveBaseline, prepareRecords, type PreparedRecord } from './engine';
import { machineFacts } from './machine';
import { chooseEfSearch, recallCurve } from './recall';
import type { BenchMeasure, BenchResult, BenchSettings } from './result';
import { step, type BenchRun, type BenchRunOptions } from './run-context';
import { measureBatch, measureHttp } from './run-processes';
import { summarize, timeMs } from './stats';

/** The recall the issue asks of nearest-neighbour candidates at the default ef_search. */
export const RECALL_TARGET = 0.99;

/** source_system of the imported customers. */
const BENCH_SOURCE_SYSTEM = 'bench';

function withoutId(labelled: LabelledRecord): CustomerRecord {
  const record: CustomerRecord & { id?: string } = { ...labelled };
  delete record.id;
  return record;
}

async function loadCustomers(run: BenchRun, handle: DatabaseHandle, customersCsv: string): Promise<void> {
  const { options, result } = run;
  const existing = await countCustomers(handle.db);
  if (run.options.reuse && existing === options.customers) {
    result.import = { rows: existing, rowsPerSecond: Number.NaN, rowsPerSecondOverall: Number.NaN, durationMs: 0, embeddingMs: 0, writeMs: 0, indexBuildMs: 0, hnswBuildMs: 0, reused: true };
    return;
  }
  if (existing > 0) throw new Error(`the bench database holds ${existing} customers, not ${options.customers}: run without --reuse to start it fresh`);
  const bar = createProgress('import', options.customers);
  const summary = await importRecords({ db: handle.db, actor: 'cli:bench' }, createReadStream(customersCsv), {
    target: 'customers',
    format: 'csv',
    sourceSystem: BENCH_SOURCE_SYSTEM,
    sizeHint: { rows: options.customers },
    onProgress: (progress) => (progress.phase === 'indexing' ? (bar.stop(), console.error('  building the indexes …')) : bar.update(progress.rowsRead)),
  });
  bar.stop();
  if (summary.error) throw new Error(`import stopped: ${summary.error.message}`);
  const rows = summary.inserted + summary.updated;
  const loadMs = summary.durationMs - summary.timings.indexBuildMs;
  result.import = {
    rows,
    rowsPerSecond: rows / Math.max(0.001, loadMs / 1000),
    rowsPerSecondOverall: rows / Math.max(0.001, summary.durationMs / 1000),
    durationMs: summary.durationMs,
    embeddingMs: summary.timings.embeddingMs,
    writeMs: summary.timings.writeMs,
    indexBuildMs: summary.timings.indexBuildMs,
    hnswBuildMs: summary.timings.hnswBuildMs,
    reused: false,
  };
}

async function measureInProcess(run: BenchRun, handle: DatabaseHandle): Promise<void> {
  const { options, result } = run;
  const context = { params: await currentParameters(handle.db), settings: matchSettings() };
  let prepared: PreparedRecord[] = [];
  let deriveMs: number[] = [];
  await step(result, 'derive keys and embeddings of the sample', async () => {
    const sample = run.incoming.slice(0, Math.max(options.engineSamples, options.recallQueries, options.naiveRecords));
    const customerIds = await customerIdsBySourceId(handle.db, BENCH_SOURCE_SYSTEM, sample.flatMap((record) => run.trueCustomerOf.get(record.id) ?? []));
    const trueCustomerId = (record: LabelledRecord) => customerIds.get(run.trueCustomerOf.get(record.id) ?? '') ?? null;
    ({ prepared, deriveMs } = await prepareRecords(sample.map((record) => ({ record: withoutId(record), trueCustomerId: trueCustomerId(record) }))));
  });
  const measures = (measure: BenchMeasure) => !options.skip.includes(measure);
  if (measures('engine')) await step(result, 'engine latency', async () => {
    // Warm-up: the first queries pay for plans, caches and JIT; they are not what a running server sees.
    await engineLatency(handle.db, prepared.slice(0, 10), deriveMs.slice(0, 10), context);
    const bar = createProgress('engine', Math.min(options.engineSamples, prepared.length));
    result.engine = await engineLatency(handle.db, prepared.slice(0, options.engineSamples), deriveMs.slice(0, options.engineSamples), context, (done) => bar.update(done));
    bar.stop();
  });
  if (measures('naive')) await step(result, 'naive baseline (score every customer of a capped sample)', async () => {
    result.naive = await naiveBaseline(handle.db, prepared.slice(0, options.naiveRecords), options.naiveCap, options.customers, context);
  });
  if (measures('recall')) await step(result, 'nearest-neighbour recall per ef_search', async () => {
    const queries = prepared.slice(0, options.recallQueries);
    const curves = [];
    for (const column of ['company_name_embedding', 'full_profile_embedding'] as const) {
      const embeddings = queries.map((query) => (column === 'company_name_embedding' ? query.matchData.companyNameEmbedding : query.matchData.fullProfileEmbedding)).filter((e): e is number[] => e !== null);
      const bar = createProgress(`recall ${column.split('_')[0]}`, embeddings.length);
      curves.push(await recallCurve(handle.db, column, embeddings, { k: options.hnswTopK, efValues: options.efValues }, (done) => bar.update(done)));
      bar.stop();
    }
    result.recall = { curves, chosenEfSearch: chooseEfSearch(curves, RECALL_TARGET), target: RECALL_TARGET };
  });
  if (measures('search')) await step(result, 'search latency', async () => {
    const names = prepared.map((record) => record.record.companyName).filter((name): name is string => Boolean(name)).slice(0, 50);
    const times: number[] = [];
    for (const name of names) times.push((await timeMs(() => searchCustomers({ db: handle.db, actor: 'cli:bench' }, searchInputSchema.parse({ query_text: name })))).ms);
    result.search = summarize(times);
  });
}

export async function runBench(options: BenchRunOptions): Promise<BenchResult> {
  const dataDir = path.join(options.workDir, `seed${options.seed}-n${options.customers}`);
  mkdirSync(dataDir, { recursive: true });
  const customersCsv = path.join(dataDir, 'customers.csv');
  const incomingCsv = path.join(dataDir, `incoming-${options.incoming}.csv`);
  const database = await benchDatabase({ kind: options.db, customers: options.customers, databaseUrl: options.databaseUrl, readUrl: options.readUrl, pgliteRoot: options.workDir, fresh: !options.reuse });
  const handle = await database.open();
  const result: BenchResult = { startedAt: new Date().toISOString(), settings: pickSettings(options), machine: await machineFacts(handle.db, options.db), steps: [], notes: [] };
  const run: BenchRun = { options, result, database, incoming: [], trueCustomerOf: new Map(), incomingCsv };
  try {
    await step(result, 'generate customers and incoming records', async () => {
      const dataset = generateCompanyDataset({ seed: options.seed, customers: options.customers });
      writeRecordsCsv(customersCsv, dataset.customers);
      // The product refuses a record without a company name (422): only records it accepts are sent.
      run.incoming = dataset.incoming.filter((record) => Boolean(record.companyName)).slice(0, options.incoming);
      for (const entry of dataset.truth) if (entry.kind === 'variant' && entry.customerId) run.trueCustomerOf.set(entry.incomingId, entry.customerId);
      writeRecordsCsv(incomingCsv, run.incoming);
    });
    await step(result, 'import customers (bulk import path, index build at the end)', () => loadCustomers(run, handle, customersCsv));
    await step(result, 'storage', async () => {
      const sizes = await storageSizes(handle.db);
      const customers = await countCustomers(handle.db);
      result.storage = { ...sizes, directoryBytes: database.directoryBytes(), bytesPerCustomer: sizes.databaseBytes / Math.max(1, customers) };
    });
    await measureInProcess(run, handle);
  } finally {
    await handle.close();
  }
  if (!options.skip.includes('batch')) await measureBatch(run);
  if (!options.skip.includes('http')) await measureHttp(run);
  return result;
}

function pickSettings(options: BenchRunOptions): BenchSettings {
  const { customers, incoming, db, seed, engineSamples, httpRequests, httpConcurrency, processes, recallQueries, efValues, naiveCap, naiveRecords, efSearch, hnswTopK, importBatchSize, indexBuildMemoryMb } = options;
  return { customers, incoming, db, seed, engineSamples, httpRequests, httpConcurrency, processes, recallQueries, efValues, naiveCap, naiveRecords, efSearch, hnswTopK, importBatchSize, indexBuildMemoryMb, readReplica: Boolean(options.readUrl), skip: options.skip };
}
