// npm run import — load a CSV / JSON / JSON Lines file (or N generated sample customers) into
// customers or incoming customers of the configured database. Thin: flags in, importRecords out.
import { createReadStream, statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { createProgress, type Progress } from '../lib/cli/progress';
import { closeDatabase, getDatabaseHandle } from '../lib/db';
import { env } from '../lib/env';
import { writeGeneratedFiles } from '../lib/import/generated-files';
import { rejectsFile } from '../lib/import/rejects-file';
import { formatFromFileName } from '../lib/import/rows';
import { IMPORT_FORMATS, type ImportFormat } from '../lib/import/types';
import { importRecords, type ImportProgress, type ImportSummary } from '../lib/services/import';
import { summaryLines } from '../lib/import/summary-text';

const program = new Command()
  .name('npm run import --')
  .description('Import customers or incoming records from a CSV, JSON or JSON Lines file, or generate sample customers.')
  .addOption(new Option('--source <file>', 'file to import (.csv with a header row, .json array, .jsonl)').conflicts('count'))
  .option('--count <n>', 'generate N sample customers with the seeded generator and import them (default 500 when no --source)', (value) => Number.parseInt(value, 10))
  .option('--seed <n>', 'generator seed for --count', (value) => Number.parseInt(value, 10), 20240501)
  .option('--out-dir <dir>', 'where --count writes the generated file and its ground truth', 'data/import')
  .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices([...IMPORT_FORMATS]))
  .addOption(new Option('--target <table>', 'where the records go').choices(['customers', 'incoming']).default('customers'))
  .option('--dry-run', 'validate and report what would be inserted, updated or left unchanged; write nothing')
  .option('--rejects <file>', 'CSV of rejected rows: row, line, source_id, field, reason (default <source>.rejects.csv)')
  .option('--source-system <name>', 'source_system of rows that have none (default "import")')
  .option('--use-real-embeddings', 'embed with the remote provider of EMBEDDING_PROVIDER (costs API calls); without it the import needs EMBEDDING_PROVIDER=local')
  .addHelpText(
    'after',
    `
Examples:
  npm run import -- --count 1000                          # 1,000 sample customers (ground truth written beside them)
  npm run import -- --count 1000 --target incoming        # incoming records for those customers + truth CSV
  npm run import -- --source customers.csv
  npm run import -- --source feed.jsonl --target incoming --source-system partner-feed
  npm run import -- --source export.json --dry-run --rejects problems.csv

Rows are upserted on (source_system, source_id); rows without source_id get one derived from their
content, so importing the same file twice changes nothing. Bad rows are skipped and listed in the
rejects file; the exit code is 0 then, and 1 when the file cannot be read (missing, malformed: rows
before the damage stay imported). Uses the app's database (DATABASE_URL, else PGLITE_DATA_DIR; the
embedded database allows one process at a time, so stop the app or use PostgreSQL).`,
  );

function checkEmbeddingProvider(useRealEmbeddings: boolean): void {
  const provider = env().EMBEDDING_PROVIDER;
  if (useRealEmbeddings && provider === 'local') {
    throw new Error('--use-real-embeddings needs a remote provider: set EMBEDDING_PROVIDER=openai (with OPENAI_API_KEY), azure (with AZURE_OPENAI_ENDPOINT) or openai-compatible (with OPENAI_BASE_URL).');
  }
  if (!useRealEmbeddings && provider !== 'local') {
    throw new Error(`EMBEDDING_PROVIDER=${provider}: embedding a whole file costs API calls, so say so with --use-real-embeddings (or set EMBEDDING_PROVIDER=local for the local embedder).`);
  }
}

function progressReporter(totalRows: number | undefined, fileBytes: number): { onProgress(progress: ImportProgress): void; stop(): void } {
  let bar: Progress | undefined = createProgress('import', totalRows ?? 1);
  return {
    onProgress(progress) {
      if (progress.phase === 'indexing') {
        bar?.stop();
        bar = undefined;
        console.error('building the indexes dropped for the load …');
        return;
      }
      // A file's row count is known only at the end: estimate it from the bytes per row read so far.
      const estimate = totalRows ?? Math.max(progress.rowsRead, Math.round((fileBytes / Math.max(1, progress.bytesRead)) * progress.rowsRead));
      bar?.setTotal(estimate);
      bar?.update(progress.rowsRead);
    },
    stop: () => bar?.stop(),
  };
}

async function main(): Promise<number> {
  program.parse();
  const options = program.opts();
  checkEmbeddingProvider(Boolean(options.useRealEmbeddings));
  const generated = options.source ? undefined : writeGeneratedFiles({ target: options.target, count: options.count ?? 500, seed: options.seed, dir: options.outDir });
  const sourcePath: string = options.source ?? generated!.source;
  if (generated) console.error(`generated ${generated.rows} records: ${generated.source}\nground truth: ${generated.truth}`);
  const format: ImportFormat | null = options.format ?? formatFromFileName(sourcePath);
  if (!format) throw new Error(`cannot tell the format of ${sourcePath} from its extension; pass --format csv|json|jsonl`);
  const fileBytes = statSync(sourcePath).size; // also: a missing file fails here, before the database is opened
  const rejects = rejectsFile(options.rejects ?? `${sourcePath}.rejects.csv`);
  const handle = await getDatabaseHandle();
  const progress = progressReporter(generated?.rows, fileBytes);
  let summary: ImportSummary;
  try {
    summary = await importRecords({ db: handle.db, actor: 'cli:import' }, createReadStream(sourcePath), {
      target: options.target,
      format,
      dryRun: Boolean(options.dryRun),
      sourceSystem: options.sourceSystem,
      rejects,
      onProgress: progress.onProgress,
      sizeHint: generated ? { rows: generated.rows } : { bytes: fileBytes },
    });
  } finally {
    progress.stop();
    await rejects.close();
    await closeDatabase();
  }
  console.log(summaryLines(summary, { database: handle.kind, rejectsPath: rejects.written > 0 ? rejects.path : null }).join('\n'));
  return summary.error ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
