// npm run worker — a long-running process that matches the pending queue as records arrive (from the API,
// a file import or a pipeline writing straight into incoming_customers). Stops cleanly on SIGINT/SIGTERM.
import { Command } from 'commander';
import { withDatabase } from '../lib/cli/with-database';
import { env } from '../lib/env';
import { logger, safeError } from '../lib/logger';
import { runWorker } from '../lib/services/worker';

const positiveInt = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
};

const program = new Command()
  .name('npm run worker --')
  .description('Drain the pending incoming queue, then poll for new records until stopped (SIGINT / SIGTERM).')
  .option('--concurrency <n>', 'records matched at once (PostgreSQL; PGlite has one connection)', positiveInt('--concurrency'), 1)
  .option('--poll-interval <ms>', 'sleep when the queue is empty (default WORKER_POLL_INTERVAL_MS)', positiveInt('--poll-interval'))
  .addHelpText(
    'after',
    `
Run as many workers as you like against one PostgreSQL; rows are claimed with FOR UPDATE SKIP LOCKED.
On SIGINT/SIGTERM the worker finishes the record in hand, puts its other claimed rows back to pending
and exits 0; a second signal exits at once (its claims are taken again after MATCH_CLAIM_LEASE_SECONDS).
Rows inserted without match keys or embeddings (an ETL pipeline) get them derived before matching.
On the embedded PGlite database the worker holds the data directory: stop the app first.`,
  );

async function main() {
  program.parse();
  const options = program.opts<{ concurrency: number; pollInterval?: number }>();
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger().info({ signal }, 'stopping: finishing the record in hand, releasing the rest');
      controller.abort();
      process.once(signal, () => process.exit(130));
    });
  }
  await withDatabase('worker', (ctx) =>
    runWorker(ctx, { signal: controller.signal, concurrency: options.concurrency, pollIntervalMs: options.pollInterval ?? env().WORKER_POLL_INTERVAL_MS }),
  );
}

main().catch((error: unknown) => {
  logger().fatal({ err: safeError(error) }, 'worker failed');
  process.exit(1);
});
