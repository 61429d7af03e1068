// npm run review -- <list|show|accept|reject|merge|create-new|dismiss|reopen|accept-exact> — steward decisions
// from the command line, through the same service (and the same rules) as the web UI and the API.
import { userInfo } from 'node:os';
import { Command } from 'commander';
import type { z } from 'zod';
import { createProgress } from '../lib/cli/progress';
import { withDatabase } from '../lib/cli/with-database';
import { MERGE_BLOCK_NAMES } from '../lib/domain/merge';
import { CANDIDATE_DECISION_LABELS, STATE_LABELS } from '../lib/domain/resolution';
import { readResolution } from '../lib/domain/resolution-record';
import { findMatchResult } from '../lib/db/queries/matches';
import { AppError } from '../lib/errors';
import { recordDecisionSchema, reviewInputSchema } from '../lib/schemas/review';
import { reviewQueueQuerySchema } from '../lib/schemas/review-queue';
import type { ServiceContext } from '../lib/services/context';
import { getIncoming } from '../lib/services/incoming';
import { matchesForIncoming } from '../lib/services/matching';
import { decideIncoming, reviewMatch, type DecisionOutcome } from '../lib/services/resolution';
import { bulkAcceptExact, listNoMatchRecords, listReviewQueue } from '../lib/services/review-queue';

const program = new Command()
  .name('npm run review --')
  .description('Decide on incoming records: one outcome per record (linked, created as new customer, or dismissed), audited.')
  .option('--as <name>', 'who decides, for the audit log', `cli:${userInfo().username}`)
  .addHelpText(
    'after',
    `
States: pending → matched (to review) or no_match (no match: decide) → linked | created | dismissed.
Accepting or merging one candidate closes the record's other candidates; "reopen" undoes a decision.

Examples:
  npm run review -- list
  npm run review -- show 42
  npm run review -- accept 117 --notes "same company, new office"
  npm run review -- merge 117 --blocks address,contact
  npm run review -- create-new 42
  npm run review -- reopen 42            # says what it would undo
  npm run review -- reopen 42 --yes      # and does it
  npm run review -- accept-exact --yes   # every open candidate in the exact band`,
  );

const actor = () => program.opts<{ as: string }>().as;

/** The input as the API would take it, or a message naming what is wrong. */
function valid<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; '));
}
const positiveId = (value: string) => {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new Error(`expected an id (a positive whole number), got "${value}"`);
  return Number(value);
};

function printOutcome(outcome: DecisionOutcome): void {
  const { incoming } = outcome;
  console.log(`incoming #${incoming.id}: ${STATE_LABELS[incoming.processingStatus]}${outcome.customer ? ` · customer #${outcome.customer.id} ${outcome.customer.companyName ?? ''}` : ''}`);
  if (outcome.superseded.length) console.log(`closed ${outcome.superseded.length} other candidate(s): ${outcome.superseded.map((id) => `#${id}`).join(', ')}`);
  for (const line of outcome.undo?.blockers ?? []) console.log(`cannot: ${line}`);
  for (const line of outcome.undo?.effects ?? []) console.log(`${outcome.dryRun ? 'would: ' : 'done: '}${line}`);
  if (outcome.dryRun && !outcome.undo?.blockers.length) console.log('Run again with --yes to do it.');
}

async function onMatch(matchId: number, decision: 'accept' | 'reject' | 'merge', options: { notes?: string; blocks?: string }) {
  await withDatabase(actor(), async (ctx) => {
    const match = await findMatchResult(ctx.db, matchId);
    if (!match) throw new AppError('not_found', `Match ${matchId} was not found (npm run review -- list shows the open ones)`);
    const input = valid(reviewInputSchema, { decision, expected_version: match.version, notes: options.notes, merge_fields: options.blocks?.split(',').map((block) => block.trim()) });
    printOutcome(await reviewMatch(ctx, matchId, input));
  });
}

async function onRecord(incomingId: number, decision: 'create_new' | 'dismiss' | 'reopen', options: { notes?: string; yes?: boolean }) {
  await withDatabase(actor(), async (ctx) => {
    const incoming = await getIncoming(ctx, incomingId);
    const dryRun = decision === 'reopen' && !options.yes ? true : undefined;
    printOutcome(await decideIncoming(ctx, incomingId, valid(recordDecisionSchema, { decision, expected_version: incoming.version, notes: options.notes, dry_run: dryRun })));
  });
}

async function list(ctx: ServiceContext, limit: number, uncertainFirst: boolean) {
  const page = await listReviewQueue(ctx, reviewQueueQuerySchema.parse({ size: 100, ...(uncertainFirst ? { sort: 'uncertainty' } : {}) }));
  console.log(`${page.total} open candidate(s), ${uncertainFirst ? 'most uncertain' : 'best'} first:`);
  for (const row of page.rows.slice(0, limit)) {
    console.log(`  match #${row.result.id}  ${row.result.confidenceBand.padEnd(9)} ${(row.result.matchProbability * 100).toFixed(1).padStart(5)}%  incoming #${row.result.incomingId} ${row.incomingName ?? ''} → customer #${row.result.customerId} ${row.customerName ?? ''}`);
  }
  const undecided = await listNoMatchRecords(ctx, limit);
  console.log(`${undecided.total} record(s) with no match left to decide (create-new or dismiss):`);
  for (const record of undecided.records) console.log(`  incoming #${record.id}  ${record.name}${record.place ? `, ${record.place}` : ''}`);
}

async function show(ctx: ServiceContext, incomingId: number) {
  const { incoming, matches } = await matchesForIncoming(ctx, incomingId);
  const resolution = readResolution(incoming.resolution);
  console.log(`incoming #${incoming.id} ${incoming.companyName ?? incoming.contactName ?? ''}: ${STATE_LABELS[incoming.processingStatus]} (version ${incoming.version})`);
  if (resolution) console.log(`  ${resolution.decision} by ${resolution.by} at ${resolution.at}${resolution.customer_id ? ` → customer #${resolution.customer_id}` : ''}${resolution.notes ? ` — ${resolution.notes}` : ''}`);
  for (const { result, customer } of matches) {
    const state = result.reviewDecision ? CANDIDATE_DECISION_LABELS[result.reviewDecision] : 'open';
    console.log(`  match #${result.id}  ${result.confidenceBand.padEnd(9)} ${(result.matchProbability * 100).toFixed(1).padStart(5)}%  customer #${customer.id} ${customer.companyName ?? ''} — ${state}`);
  }
}

program.command('list').description('open candidates, best first, and records with no match left').option('--limit <n>', 'rows of each', (value) => Math.min(100, positiveId(value)), 20)
  .option('--uncertain-first', 'probability nearest 50% first: the decisions that teach the model most')
  .action((options: { limit: number; uncertainFirst?: boolean }) => withDatabase(actor(), (ctx) => list(ctx, options.limit, Boolean(options.uncertainFirst))));
program.command('show <incomingId>').description('one record: its state, its decision and every candidate').action((id: string) => withDatabase(actor(), (ctx) => show(ctx, positiveId(id))));
for (const decision of ['accept', 'reject'] as const) {
  program.command(`${decision} <matchId>`).description(`${decision} one candidate`).option('--notes <text>', 'kept with the decision').action((id: string, options) => onMatch(positiveId(id), decision, options));
}
program.command('merge <matchId>').description('link to this candidate and take blocks of fields from the incoming record')
  .option('--blocks <list>', `comma-separated: ${MERGE_BLOCK_NAMES.join(', ')} (default: only blocks the customer has nothing in)`)
  .option('--notes <text>', 'kept with the decision')
  .action((id: string, options) => onMatch(positiveId(id), 'merge', options));
program.command('create-new <incomingId>').description('create the record as a new customer').option('--notes <text>', 'kept with the decision').action((id: string, options) => onRecord(positiveId(id), 'create_new', options));
program.command('dismiss <incomingId>').description('close the record without a customer (not a customer record)').option('--notes <text>', 'kept with the decision').action((id: string, options) => onRecord(positiveId(id), 'dismiss', options));
program.command('reopen <incomingId>').description('change the decision: say what it undoes, and with --yes undo it').option('--yes', 'do it').option('--notes <text>', 'why, for the audit log')
  .action((id: string, options) => onRecord(positiveId(id), 'reopen', options));
program.command('accept-exact').description('accept every open candidate in the exact band (one record, one link: a second candidate of a record is skipped)')
  .option('--yes', 'do it (without, only count them)')
  .action((options: { yes?: boolean }) =>
    withDatabase(actor(), async (ctx) => {
      const page = await listReviewQueue(ctx, reviewQueueQuerySchema.parse({ band: 'exact', size: 100 }));
      const matches = page.rows.map((row) => ({ id: row.result.id, version: row.result.version }));
      if (!options.yes) return console.log(`${matches.length} open exact candidate(s) on the first page; run with --yes to accept them.`);
      const progress = createProgress('accepting', matches.length);
      let done = 0;
      const outcome = { accepted: [] as number[], skipped: [] as Array<{ id: number; reason: string }> };
      for (const match of matches) {
        const one = await bulkAcceptExact(ctx, { matches: [match] });
        outcome.accepted.push(...one.accepted);
        outcome.skipped.push(...one.skipped);
        progress.update((done += 1));
      }
      progress.stop();
      console.log(`accepted ${outcome.accepted.length}, skipped ${outcome.skipped.length}`);
      for (const item of outcome.skipped) console.log(`  match #${item.id}: ${item.reason}`);
    }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(`review failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
