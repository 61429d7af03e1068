// npm run params -- <show|estimate|import> — inspect or re-estimate the matching model's m/u parameters
// on the configured database (DATABASE_URL / POSTGRES_* → PostgreSQL, otherwise the embedded PGlite).
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { createProgress } from '../lib/cli/progress';
import { withDatabase } from '../lib/cli/with-database';
import { bayesFactorBits } from '../lib/matching/score/score';
import { parseMatchParameters, type MatchParameters } from '../lib/matching/score/params';
import { DEFAULT_MAX_CANDIDATE_PAIRS, estimateParametersFromDatabase } from '../lib/services/estimation';
import { currentParameters, storeParameters } from '../lib/services/parameters';

function describe(params: MatchParameters): string {
  const lines = [`version ${params.version}`, `λ (prior match probability of a random pair) ${params.lambda.toExponential(3)}`, ''];
  for (const [field, { levels }] of Object.entries(params.fields)) {
    const parts = Object.entries(levels).map(([level, { m, u }]) => `${level} ${bayesFactorBits(m, u) >= 0 ? '+' : ''}${bayesFactorBits(m, u).toFixed(1)}`);
    lines.push(`${field.padEnd(16)} ${parts.join(' · ')}`);
  }
  if (params.training) lines.push('', `training: ${JSON.stringify(params.training)}`);
  return lines.join('\n');
}

const program = new Command().name('npm run params --').description('Show or re-estimate the Fellegi–Sunter parameters (m, u, λ) used for scoring.');

program
  .command('show')
  .description('print the parameters in force, with the weight in bits of every level')
  .option('--json', 'print the raw JSON')
  .action(async (options: { json?: boolean }) => {
    const params = await withDatabase('cli:params', (ctx) => currentParameters(ctx.db));
    console.log(options.json ? JSON.stringify(params, null, 2) : describe(params));
  });

program
  .command('estimate')
  .description('estimate m/u/λ by EM on the records in the database and make it the active version; steward decisions (accept/merge = match, reject = not) are held fixed as labels')
  .option('--sample <n>', 'records whose candidates feed EM', (value) => Number.parseInt(value, 10), 2000)
  .option('--max-pairs <n>', 'stop sampling once the candidates make this many pairs', (value) => Number.parseInt(value, 10), DEFAULT_MAX_CANDIDATE_PAIRS)
  .option('--no-labels', 'ignore steward decisions: EM on unlabelled pairs only')
  .action(async (options: { sample: number; maxPairs: number; labels: boolean }) => {
    const summary = await withDatabase('cli:params', async (ctx, kind) => {
      let bar: ReturnType<typeof createProgress> | undefined;
      const result = await estimateParametersFromDatabase(ctx, {
        source: 'cli',
        sampleSize: options.sample,
        maxCandidatePairs: options.maxPairs,
        // PostgreSQL serves several connections: search a few records at once.
        concurrency: kind === 'postgres' ? 4 : 1,
        ...(options.labels ? {} : { labels: [] }),
        onProgress: (done, total) => {
          bar ??= createProgress('candidate pairs', total);
          bar.update(done);
        },
      });
      bar?.stop();
      return result;
    });
    console.log(
      `Estimated on ${summary.sampledRecords} records (${summary.mode}): ${summary.candidatePairs} candidate pairs, ${summary.randomPairs} random pairs, ` +
        `${summary.iterations} EM iterations, converged=${summary.converged}. Stored as parameters #${summary.parametersId}.\n` +
        `Time: candidate search ${seconds(summary.timings.candidatesMs)}, random pairs ${seconds(summary.timings.randomPairsMs)}, EM ${seconds(summary.timings.emMs)}.`,
    );
    const { labels } = summary;
    console.log(
      labels.matches + labels.nonMatches > 0
        ? `Steward labels held fixed: ${labels.matches} matches, ${labels.nonMatches} non-matches${labels.notCandidates ? ` (${labels.notCandidates} more are no longer candidate pairs and were left out)` : ''}.\n`
        : `No steward labels used${labels.notCandidates ? ` (${labels.notCandidates} decided pairs are no longer candidates)` : ''}${options.labels ? '' : ' (--no-labels)'}.\n`,
    );
    console.log(describe(summary.parameters));
  });

program
  .command('import <file>')
  .description('store a parameters JSON file (e.g. exported with `show --json`) as the active version')
  .action(async (file: string) => {
    const params = parseMatchParameters(JSON.parse(readFileSync(file, 'utf8')));
    const id = await withDatabase('cli:params', (ctx) => storeParameters(ctx.db, params, 'import'));
    console.log(`Stored ${params.version} as parameters #${id}.`);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`params failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
