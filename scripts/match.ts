// npm run match -- --pending | --all | --id N — match incoming records in bulk on the configured database,
// with a progress bar and a summary (matched / no_match / failed, by band, incoming/s).
import { Command, Option } from 'commander';
import { createProgress } from '../lib/cli/progress';
import { withDatabase } from '../lib/cli/with-database';
import { requeueFailed } from '../lib/db/queries/queue';
import { batchMatchTotal, newWorkerId, runBatchMatch, type BatchMatchSummary, type BatchMode } from '../lib/services/batch-matching';

const positiveInt = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
};

const program = new Command()
  .name('npm run match --')
  .description('Match incoming records against the customers: the pending queue, everything again, or one record.')
  .addOption(new Option('--pending', 'the queue: records with status pending (and claims of dead workers)').conflicts(['all', 'id']))
  .addOption(new Option('--all', 're-match every unresolved incoming record (results updated in place; resolved records keep their decision)').conflicts(['pending', 'id']))
  .addOption(new Option('--id <n>', 'one incoming record').argParser(positiveInt('--id')).conflicts(['pending', 'all']))
  .option('--limit <n>', 'stop after this many records', positiveInt('--limit'))
  .option('--concurrency <n>', 'records matched at once in this process (PostgreSQL; PGlite has one connection)', positiveInt('--concurrency'), 1)
  .option('--retry-failed', 'put records with status error back in the queue first (with --pending)')
  .option('--json', 'print the summary as JSON')
  .addHelpText(
    'after',
    `
Examples:
  npm run match -- --pending
  npm run match -- --pending --concurrency 2 --limit 1000
  npm run match -- --all
  npm run match -- --id 42

Any number of these (and of \`npm run worker\`) may run at once against one PostgreSQL: rows are claimed with
FOR UPDATE SKIP LOCKED, so no two processes match the same record. A claimed row whose process died is
taken again after MATCH_CLAIM_LEASE_SECONDS (300). A record whose matching fails gets status error and
the reason in error_message; the others go on.`,
  );

function mode(options: { pending?: boolean; all?: boolean; id?: number }): BatchMode {
  if (options.id !== undefined) return { kind: 'id', id: options.id };
  if (options.all) return { kind: 'all' };
  if (options.pending) return { kind: 'pending' };
  throw new Error('say which records: --pending, --all or --id <n> (see --help)');
}

function summaryLines(summary: BatchMatchSummary): string[] {
  const bands = Object.entries(summary.byBand).map(([band, n]) => `${band} ${n}`).join(' · ');
  return [
    `processed ${summary.processed}: matched ${summary.matched} · no_match ${summary.noMatch} · failed ${summary.failed}`,
    `best result by band: ${bands}`,
    `derived keys/embeddings first: ${summary.derived}${summary.degraded ? ` · matched without embeddings (provider failed; npm run reembed -- --pending-only): ${summary.degraded}` : ''}${summary.lost ? ` · taken over by another worker: ${summary.lost}` : ''}${summary.released ? ` · released: ${summary.released}` : ''}`,
    `${(summary.elapsedMs / 1000).toFixed(1)} s, ${summary.perSecond.toFixed(1)} incoming/s`,
  ];
}

async function main() {
  program.parse();
  const options = program.opts<{ pending?: boolean; all?: boolean; id?: number; limit?: number; concurrency: number; retryFailed?: boolean; json?: boolean }>();
  const selection = mode(options);
  const controller = new AbortController();
  // First Ctrl-C: finish the records in hand and give the rest back; a second one exits at once.
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  const summary = await withDatabase('cli:match', async (ctx, kind) => {
    if (options.retryFailed) console.error(`re-queued ${await requeueFailed(ctx.db)} failed records`);
    const total = await batchMatchTotal(ctx, { mode: selection, limit: options.limit });
    console.error(`matching ${total} incoming records on ${kind} (concurrency ${options.concurrency})`);
    const bar = createProgress('match', total);
    try {
      return await runBatchMatch(ctx, {
        mode: selection,
        limit: options.limit,
        concurrency: options.concurrency,
        workerId: newWorkerId('match'),
        signal: controller.signal,
        onRow: (_result, tally) => bar.update(tally.processed),
      });
    } finally {
      bar.stop();
    }
  });
  console.log(options.json ? JSON.stringify(summary, null, 2) : summaryLines(summary).join('\n'));
  if (summary.failed > 0) process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(`match failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
