// The `npm run eval` command line: its options, and the labelled data set they name. Apart from the
// script so a test can check that every option reaches the loader it is meant for.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { BUILT_IN_DATASETS, defaultDatasetsDir, loadDataset } from '../evaluation/datasets/load-dataset';
import { loadLabelledCsv, loadLabelledCsvDedupe } from '../evaluation/datasets/labelled-csv';
import type { LabelledDataset } from '../evaluation/datasets/types';
import { LABEL_ORDERS } from '../evaluation/label-draw';

export interface EvalOptions {
  dataset?: string;
  customers?: string;
  incoming?: string;
  dedupe?: string;
  datasetsDir: string;
  seed?: number;
  count?: number;
  withIdentifiers?: boolean;
  estimate: boolean;
  json?: string;
  md?: string;
  database?: 'pglite' | 'postgres';
  labels?: number[];
  labelSeed: number;
  labelOrder: (typeof LABEL_ORDERS)[number];
}

/** "0,25,100,400" → [0, 25, 100, 400]: distinct whole numbers, ascending (each count adds labels to the last). */
export function parseLabelCounts(value: string): number[] {
  const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0 || parts.some((part) => !/^\d{1,6}$/.test(part))) {
    throw new InvalidArgumentError('expected label counts such as 0,25,100,400');
  }
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

const wholeNumber = (value: string) => {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
};

export function evalCommand(): Command {
  return new Command()
    .name('npm run eval --')
    .description('Measure matching quality (precision, recall, F1, candidate recall, calibration, timings) on labelled data.')
    .addOption(new Option('-d, --dataset <name|dir>', `built-in data set (${BUILT_IN_DATASETS.join(', ')}) or a folder`).conflicts('customers'))
    .option('--customers <csv>', 'your customers CSV (seed columns + entity_id); use with --incoming')
    .option('--incoming <csv>', 'your incoming CSV (seed columns + entity_id); use with --customers')
    .addOption(new Option('--dedupe <csv>', 'one CSV of customers with duplicates (seed columns + entity_id): each record against all others').conflicts(['dataset', 'customers', 'incoming']))
    .option('--datasets-dir <dir>', 'where febrl4/ and senzing-demo/ live', defaultDatasetsDir())
    .option('--seed <n>', 'generator seed for --dataset generated', (value) => Number.parseInt(value, 10))
    .option('--count <n>', 'customers to generate for --dataset generated', (value) => Number.parseInt(value, 10))
    .option('--with-identifiers', 'febrl4: also use date of birth and social security number (reported as febrl4-with-identifiers)')
    .option('--no-estimate', 'score with the current parameters instead of estimating m/u by EM on the loaded data first')
    .option('--labels <counts>', 'learning curve: re-estimate with this many simulated steward labels each (e.g. 0,25,100,400) and report on held-out records', parseLabelCounts)
    .option('--label-seed <n>', 'seed of the held-out split and of the label draw', wholeNumber, 17)
    .addOption(new Option('--label-order <order>', 'which candidate pairs the simulated steward decides: a random draw, or most uncertain first (as the queue offers them)').choices(LABEL_ORDERS).default('random'))
    .option('--json <file>', 'write the figures as JSON (default eval-results/<dataset>.json)')
    .option('--md <file>', 'write a Markdown report (default eval-results/<dataset>.md)')
    .addOption(new Option('--database <kind>', 'fresh database to load into (default: postgres when DATABASE_URL is set, else pglite)').choices(['pglite', 'postgres']))
    .addHelpText(
      'after',
      `
Examples:
  npm run eval -- --dataset senzing-demo
  npm run eval -- --dataset febrl4 --json febrl4.json
  npm run eval -- --dataset febrl4 --with-identifiers
  npm run eval -- --dataset generated --count 2000 --seed 7
  npm run eval -- --dataset senzing-demo --labels 0,25,100,400
  npm run eval -- --customers base.csv --incoming new.csv --json out.json
  npm run eval -- --dedupe customers.csv          # one file, duplicates share an entity_id

The data is loaded into a fresh, empty database that is thrown away afterwards: in-memory PGlite, or a
new database on the PostgreSQL server of DATABASE_URL. Labels are used only to score the result; with
--estimate (the default) m/u are estimated by EM on the loaded records without looking at the labels.
With --labels, the incoming records are also split in two (seeded): labels are drawn from the candidate
pairs of one half as a steward would decide them, and the learning curve is reported on the other half.`,
    );
}

/** The same file under two names (relative, absolute, a symlink). */
function sameFile(a: string, b: string): boolean {
  const real = (file: string) => (existsSync(file) ? realpathSync(file) : path.resolve(file));
  return real(a) === real(b);
}

export async function loadRequestedDataset(options: EvalOptions): Promise<LabelledDataset> {
  if (options.dedupe) return loadLabelledCsvDedupe(options.dedupe);
  if (options.customers || options.incoming) {
    if (!options.customers || !options.incoming) throw new Error('--customers and --incoming go together (or --dedupe <csv> for one file with duplicates)');
    // One file as both sides would match every record with itself: that is a dedupe evaluation.
    if (sameFile(options.customers, options.incoming)) {
      console.error('--customers and --incoming are the same file: evaluating it as a dedupe set (each record against all others, as --dedupe does)');
      return loadLabelledCsvDedupe(options.customers);
    }
    return loadLabelledCsv({ customersPath: options.customers, incomingPath: options.incoming });
  }
  if (!options.dataset) throw new Error('say which data: --dataset <name|dir>, --customers and --incoming, or --dedupe (see --help)');
  return loadDataset(options.dataset, { datasetsDir: options.datasetsDir, seed: options.seed, customers: options.count, withIdentifiers: options.withIdentifiers });
}
