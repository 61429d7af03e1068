// npm run bench — load N generated customers per size into a fresh bench database and measure import,
// storage, engine and HTTP latency, batch rate, nearest-neighbour recall and a naive baseline; writes
// bench/results/<timestamp>-<db>-<size>.{json,md}. Thin: flags in, runBench per size, files out.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { markdownReport } from '../lib/bench/report';
import { BENCH_MEASURES, type BenchMeasure } from '../lib/bench/result';
import { runBench } from '../lib/bench/run';
import { env } from '../lib/env';
import { matchSettings } from '../lib/services/matching-settings';

const list = (name: string) => (value: string) => {
  const parts = value.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (parts.some((part) => !Number.isInteger(part) || part < 1)) throw new Error(`${name} takes positive whole numbers, comma-separated, got "${value}"`);
  return parts;
};
const whole = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return parsed;
};

const program = new Command()
  .name('npm run bench --')
  .description('Measure import, storage, matching latency (engine and HTTP), batch rate and nearest-neighbour recall on generated customers.')
  .option('--customers <list>', 'customer counts, one run each', list('--customers'), [10_000])
  .option('--incoming <n>', 'incoming records generated for those customers (batch queue; samples below come from them)', whole('--incoming'), 1_000)
  .addOption(new Option('--db <kind>', 'database').choices(['pglite', 'postgres']).default('postgres'))
  .option('--database-url <url>', 'PostgreSQL server and admin database; each size gets its own database <name>_<size> there', 'postgres://postgres@127.0.0.1:5432/bench')
  .option('--read-url <url>', 'a streaming replica of that server (scripts/replica.sh): the server and match processes read candidates from it')
  .option('--out <dir>', 'where the JSON and Markdown results go', 'bench/results')
  .option('--work-dir <dir>', 'generated CSV files and PGlite directories', 'data/bench')
  .option('--seed <n>', 'generator seed', whole('--seed'), 20240501)
  .addOption(new Option('--skip <list>', 'measures to leave out, comma-separated').argParser((value) => value.split(',').map((part) => part.trim())).default([]))
  .option('--reuse', 'keep the database of an earlier run when it holds exactly that many customers (no import)')
  .option('--engine-samples <n>', 'records timed in-process (engine only)', whole('--engine-samples'), 300)
  .option('--http-requests <n>', 'submit + match requests per client count (0: no HTTP)', whole('--http-requests'), 200)
  .option('--http-concurrency <list>', 'concurrent clients, one run each', list('--http-concurrency'), [1, 2])
  .option('--processes <list>', 'npm run match processes on the queue, one run each', list('--processes'), [1, 2])
  .option('--recall-queries <n>', 'queries for the recall curve (each runs an exact scan)', whole('--recall-queries'), 100)
  .option('--ef <list>', 'ef_search values for the recall curve', list('--ef'), [40, 64, 100, 200, 400])
  .option('--naive-cap <n>', 'customers the naive baseline scores per record', whole('--naive-cap'), 2_000)
  .option('--naive-records <n>', 'records the naive baseline scores', whole('--naive-records'), 5)
  .addHelpText(
    'after',
    `
Examples:
  npm run bench -- --customers 10000 --db pglite
  npm run bench -- --customers 10000,100000 --incoming 1000 --db postgres --out bench/results
  npm run bench -- --customers 100000 --reuse --http-requests 100   # measure again without re-importing

PostgreSQL: the server of --database-url must have pgvector (scripts/setup-postgres.sh); the bench creates
and keeps one database per size (bench_10000, ...), dropped and re-created unless --reuse. Every request goes
to 127.0.0.1: a next start on a free port (built first if .next is missing) and npm run match processes.
Absolute times depend on the machine and on whatever else runs; compare the ratios within one run.`,
  );

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<{
    customers: number[]; incoming: number; db: 'pglite' | 'postgres'; databaseUrl: string; readUrl?: string; out: string; workDir: string; seed: number; reuse?: boolean;
    skip: string[]; engineSamples: number; httpRequests: number; httpConcurrency: number[]; processes: number[]; recallQueries: number; ef: number[]; naiveCap: number; naiveRecords: number;
  }>();
  const unknown = options.skip.filter((measure) => !(BENCH_MEASURES as readonly string[]).includes(measure));
  if (unknown.length) throw new Error(`--skip takes ${BENCH_MEASURES.join(', ')}; not ${unknown.join(', ')}`);
  const config = env();
  if (config.EMBEDDING_PROVIDER !== 'local') throw new Error('the bench embeds every customer: run it with EMBEDDING_PROVIDER=local');
  mkdirSync(options.out, { recursive: true });
  for (const customers of options.customers) {
    const runId = new Date().toISOString().replace(/[:.]/g, '-');
    console.error(`bench: ${options.db}, ${customers} customers`);
    const result = await runBench({
      customers, incoming: Math.min(options.incoming, customers), db: options.db, seed: options.seed, engineSamples: options.engineSamples,
      httpRequests: options.httpRequests, httpConcurrency: options.httpConcurrency, processes: options.processes, recallQueries: options.recallQueries,
      efValues: options.ef, naiveCap: options.naiveCap, naiveRecords: options.naiveRecords, efSearch: matchSettings(config).limits.efSearch, hnswTopK: config.MATCH_HNSW_TOP_K,
      importBatchSize: config.IMPORT_BATCH_SIZE, indexBuildMemoryMb: config.IMPORT_INDEX_BUILD_MEMORY_MB,
      skip: options.skip as BenchMeasure[], databaseUrl: options.databaseUrl, readUrl: options.readUrl, workDir: options.workDir, reuse: Boolean(options.reuse), runId,
    });
    const base = path.join(options.out, `${runId}-${options.db}${options.readUrl ? '-replica' : ''}-${customers}`);
    const markdown = markdownReport(result);
    writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${base}.md`, markdown);
    console.log(markdown);
    console.error(`written: ${base}.json, ${base}.md`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
