// npm run reembed -- --provider <name> — (re-)computes the stored embeddings with one provider: after
// switching provider or model, or to fill records stored while the provider was down (--pending-only).
import { Command, InvalidArgumentError, Option } from 'commander';
import { createProgress, type Progress } from '../lib/cli/progress';
import { openDatabase } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { getEmbedder } from '../lib/embeddings';
import { databaseTarget, EMBEDDING_PROVIDERS, env, EnvError, type EmbeddingProviderName } from '../lib/env';
import { DEFAULT_REEMBED_BATCH_SIZE, REEMBED_TARGETS, reembed, type ReembedTarget } from '../lib/services/reembed';

const positiveInteger = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 10_000) throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return parsed;
};

const program = new Command()
  .name('npm run reembed --')
  .description(
    'Re-embed stored customers and incoming records with one embedding provider. Rows whose embedding_model differs ' +
      "from the provider's model (or that have no embeddings) are processed in id order and committed per batch, so " +
      'after a crash or Ctrl-C the same command continues where it stopped. Unchanged texts come from the embedding ' +
      'cache instead of the provider (remote providers).',
  )
  .addOption(new Option('--provider <name>', 'embedding provider (default: EMBEDDING_PROVIDER)').choices(EMBEDDING_PROVIDERS))
  .addOption(new Option('--target <table>', 'which records').choices(REEMBED_TARGETS).default('all'))
  .option('--batch-size <n>', 'rows per provider call and commit', positiveInteger, DEFAULT_REEMBED_BATCH_SIZE)
  .addOption(new Option('--pending-only', 'only records without embeddings (stored while the provider was down), not those of another model').conflicts('refresh'))
  .option('--refresh', 'every record, whatever its model: match keys and embeddings derived anew with the current normalisation, term frequencies rebuilt (after an upgrade; then npm run match -- --all)')
  .option('--no-rematch', 'do not re-match incoming records that were matched without embeddings')
  .addHelpText(
    'after',
    `
Examples:
  npm run reembed -- --provider openai                  # after switching to OpenAI: every row, resumable
  npm run reembed -- --pending-only                     # fill records stored while the provider was down
  npm run reembed -- --provider azure --target customers --batch-size 200
  npm run reembed -- --refresh && npm run match -- --all   # after an upgrade that changed normalisation

Provider settings come from the environment (OPENAI_*, AZURE_OPENAI_*, EMBEDDING_*; see .env.example).
Run the app with the same EMBEDDING_PROVIDER afterwards: vectors of different models are not comparable.`,
  );

program.action(async (options: { provider?: EmbeddingProviderName; target: ReembedTarget; batchSize: number; pendingOnly?: boolean; refresh?: boolean; rematch: boolean }) => {
  const provider = options.provider ?? env().EMBEDDING_PROVIDER;
  const embedder = getEmbedder(provider);
  if (provider !== env().EMBEDDING_PROVIDER) {
    console.error(`Note: the app is configured with EMBEDDING_PROVIDER=${env().EMBEDDING_PROVIDER}; set EMBEDDING_PROVIDER=${provider} so new records are embedded with the same model.`);
  }
  const handle = await openDatabase(databaseTarget());
  const bars = new Map<string, Progress>();
  try {
    await migrateDatabase(handle);
    const summary = await reembed(
      { db: handle.db, actor: 'cli:reembed' },
      {
        embedder,
        target: options.target,
        batchSize: options.batchSize,
        pendingOnly: options.pendingOnly ?? false,
        refresh: options.refresh ?? false,
        rematch: options.rematch,
        onProgress: ({ table, done, total }) => {
          let bar = bars.get(table);
          if (!bar) {
            bar = createProgress(`re-embed ${table}`, total);
            bars.set(table, bar);
          }
          bar.update(done);
        },
      },
    );
    for (const bar of bars.values()) bar.stop();
    console.log(
      `Embedded with ${summary.model}: ${summary.customers.embedded} customers, ${summary.incoming.embedded} incoming records` +
        (summary.rematched ? `; re-matched ${summary.rematched} records that had been matched without embeddings` : '') +
        (summary.termFrequenciesRebuilt ? '; match keys derived anew and term frequencies rebuilt (run `npm run match -- --all` to re-score stored matches)' : '') + '.',
    );
  } finally {
    for (const bar of bars.values()) bar.stop();
    await handle.close();
  }
});

program.parseAsync().catch((error: unknown) => {
  const resumeHint = error instanceof EnvError ? '' : '\nRun the same command again to continue where it stopped.';
  console.error(`reembed failed: ${error instanceof Error ? error.message : String(error)}${resumeHint}`);
  process.exit(1);
});
