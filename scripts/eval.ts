// npm run eval — measure matching quality on labelled data: load it into a fresh database, run the real
// matching service on every incoming record, print and write precision/recall/F1, per band, candidate
// recall, calibration and timings.
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { createProgress, type Progress } from '../lib/cli/progress';
import { BUILT_IN_DATASETS, defaultDatasetsDir, loadDataset } from '../lib/evaluation/datasets/load-dataset';
import { loadLabelledCsv, loadLabelledCsvDedupe } from '../lib/evaluation/datasets/labelled-csv';
import type { LabelledDataset } from '../lib/evaluation/datasets/types';
import type { DatabaseHandle } from '../lib/db/client';
import { openScratchPglite, openScratchPostgres } from '../lib/db/scratch';
import { env } from '../lib/env';
import { evaluationMarkdown, evaluationSummaryLines, evaluationJson, reliabilityTableLines } from '../lib/evaluation/report';
import { evaluateDataset, type EvaluationPhase } from '../lib/services/evaluation';
import { estimateParametersFromDatabase, MIN_CUSTOMERS_FOR_ESTIMATE } from '../lib/services/estimation';

const program = new Command()
  .name('npm run eval --')
  .description('Measure matching quality (precision, recall, F1, candidate recall, calibration, timings) on labelled data.')
  .addOption(new Option('-d, --dataset <name|dir>', `built-in data set (${BUILT_IN_DATASETS.join(', ')}) or a folder`).conflicts('customers'))
  .option('--customers <csv>', 'your customers CSV (seed columns + entity_id); use with --incoming')
  .option('--incoming <csv>', 'your incoming CSV (seed columns + entity_id); use with --customers')
  .addOption(new Option('--dedupe <csv>', 'one CSV of customers with duplicates (seed columns + entity_id): each record against all others').conflicts(['dataset', 'customers', 'incoming']))
  .option('--datasets-dir <dir>', 'where febrl4/ and senzing-demo/ live', defaultDatasetsDir())
  .option('--seed <n>', 'generator seed for --dataset generated', (value) => Number.parseInt(value, 10))
  .option('--count <n>', 'customers to generate for --dataset generated', (value) => Number.parseInt(value, 10))
  .option('--no-estimate', 'score with the current parameters instead of estimating m/u by EM on the loaded data first')
  .option('--json <file>', 'write the figures as JSON (default eval-results/<dataset>.json)')
  .option('--md <file>', 'write a Markdown report (default eval-results/<dataset>.md)')
  .addOption(new Option('--database <kind>', 'fresh database to load into (default: postgres when DATABASE_URL is set, else pglite)').choices(['pglite', 'postgres']))
  .addHelpText(
    'after',
    `
Examples:
  npm run eval -- --dataset senzing-demo
  npm run eval -- --dataset febrl4 --json febrl4.json
  npm run eval -- --dataset generated --count 2000 --seed 7
  npm run eval -- --customers base.csv --incoming new.csv --json out.json
  npm run eval -- --dedupe customers.csv          # one file, duplicates share an entity_id

The data is loaded into a fresh, empty database that is thrown away afterwards: in-memory PGlite, or a
new database on the PostgreSQL server of DATABASE_URL. Labels are used only to score the result; with
--estimate (the default) m/u are estimated by EM on the loaded records without looking at the labels.`,
  );

/** The same file under two names (relative, absolute, a symlink). */
function sameFile(a: string, b: string): boolean {
  const real = (file: string) => (existsSync(file) ? realpathSync(file) : path.resolve(file));
  return real(a) === real(b);
}

async function loadRequested(options: Record<string, unknown>): Promise<LabelledDataset> {
  if (options.dedupe) return loadLabelledCsvDedupe(String(options.dedupe));
  if (options.customers || options.incoming) {
    if (!options.customers || !options.incoming) throw new Error('--customers and --incoming go together (or --dedupe <csv> for one file with duplicates)');
    // One file as both sides would match every record with itself: that is a dedupe evaluation.
    if (sameFile(String(options.customers), String(options.incoming))) {
      console.error('--customers and --incoming are the same file: evaluating it as a dedupe set (each record against all others, as --dedupe does)');
      return loadLabelledCsvDedupe(String(options.customers));
    }
    return loadLabelledCsv({ customersPath: String(options.customers), incomingPath: String(options.incoming) });
  }
  if (!options.dataset) throw new Error('say which data: --dataset <name|dir>, --customers and --incoming, or --dedupe (see --help)');
  return loadDataset(String(options.dataset), { datasetsDir: String(options.datasetsDir), seed: options.seed as number | undefined, customers: options.count as number | undefined });
}

async function openFresh(kind: string | undefined): Promise<DatabaseHandle> {
  const url = env().DATABASE_URL;
  const usePostgres = kind === 'postgres' || (kind === undefined && Boolean(url));
  if (!usePostgres) return openScratchPglite();
  if (!url) throw new Error('--database postgres needs DATABASE_URL (a server where a scratch database may be created)');
  return openScratchPostgres(url, 'cm_eval');
}

async function main() {
  program.parse();
  const options = program.opts();
  const dataset = await loadRequested(options);
  const handle = await openFresh(options.database as string | undefined);
  console.error(`Evaluating ${dataset.name} (${dataset.mode}): ${dataset.customers.length} customers, ${dataset.incoming.length} incoming, ${dataset.truePairs.length} true pairs, on ${handle.kind}`);
  let bar: Progress | undefined;
  // EM needs enough pairs to learn from; a small file is scored with the shipped defaults instead of failing.
  const estimate = Boolean(options.estimate) && dataset.customers.length >= MIN_CUSTOMERS_FOR_ESTIMATE;
  if (options.estimate && !estimate) {
    console.error(`${dataset.customers.length} customers are too few to estimate m/u by EM (it needs ${MIN_CUSTOMERS_FOR_ESTIMATE}): scoring with the shipped default parameters, as --no-estimate does`);
  }
  try {
    const result = await evaluateDataset(
      { db: handle.db, actor: 'eval' },
      dataset,
      {
        beforeMatching: estimate ? (ctx) => estimateParametersFromDatabase(ctx, { source: `eval:${dataset.name}`, mode: dataset.mode }).then(() => undefined) : undefined,
        onPhase: (phase: EvaluationPhase, total: number) => {
          bar?.stop();
          bar = phase === 'estimate' ? undefined : createProgress(phase, total);
          if (phase === 'estimate' && estimate) console.error('estimating m/u by EM on the loaded records …');
        },
        onProgress: (_phase, done) => bar?.update(done),
      },
    );
    bar?.stop();
    const base = path.join('eval-results', dataset.name.replace(/[^\w.-]+/g, '_'));
    const jsonPath = String(options.json ?? `${base}.json`);
    const mdPath = String(options.md ?? `${base}.md`);
    for (const file of [jsonPath, mdPath]) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(evaluationJson(result, handle.kind), null, 2)}\n`);
    writeFileSync(mdPath, evaluationMarkdown(result, handle.kind));
    console.log(evaluationSummaryLines(result, handle.kind).join('\n'));
    console.log(['', 'reliability (calibration per probability bucket):', ...reliabilityTableLines(result.quality.calibration)].join('\n'));
    console.log(`\nwritten: ${jsonPath}, ${mdPath}`);
  } finally {
    bar?.stop();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`eval failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
