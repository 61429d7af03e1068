// Diagnostic: the errors of the real pipeline on a labelled dedupe or link data set, each with its
// explanation (level and weight per field), as `npm run eval` produces them: fresh PGlite, EM on
// the loaded records, database candidates. Labels are only used to pick which pairs to print.
//
//   npx tsx scripts/eval-errors.ts --dataset senzing-demo [--limit 50] [--min-p 0.8]
import { parseArgs } from 'node:util';
import { loadDataset } from '../lib/evaluation/datasets/load-dataset';
import { orderedPair } from '../lib/evaluation/datasets/types';
import { openScratchPglite } from '../lib/db/scratch';
import { createCustomersBulk } from '../lib/services/customers';
import { estimateParametersFromDatabase } from '../lib/services/estimation';
import { toInput } from '../lib/services/evaluation';
import { getIncoming, submitIncomingBulk } from '../lib/services/incoming';
import { matchSettings } from '../lib/services/matching-settings';
import { currentParameters } from '../lib/services/parameters';
import { competitionBitsOf } from '../lib/matching/pipeline';
import { scoreRecord, type ScoredCandidate } from '../lib/services/scoring';
import { clusteredErrors } from '../lib/evaluation/clustered';
import { PairViews } from '../lib/matching/competition';
import { confidenceBand } from '../lib/matching/band';
import { printUsageIfAsked } from '@/lib/cli/usage';

printUsageIfAsked(import.meta.url);
const { values: args } = parseArgs({
  options: { dataset: { type: 'string', default: 'senzing-demo' }, limit: { type: 'string', default: '100' }, 'min-p': { type: 'string' } },
});

function explain(scored: ScoredCandidate): string {
  return scored.contributions
    .filter((contribution) => contribution.level !== 'null')
    .map((contribution) => `    ${contribution.field}:${contribution.level} (${contribution.weight.toFixed(1)}) [${contribution.left} | ${contribution.right}]`)
    .join('\n');
}

async function main() {
  const dataset = await loadDataset(args.dataset!, {});
  const handle = await openScratchPglite();
  const ctx = { db: handle.db, actor: 'eval-errors' };
  try {
    const customerIds = await createCustomersBulk(ctx, dataset.customers.map(toInput));
    const incomingIds = await submitIncomingBulk(ctx, dataset.incoming.map(toInput));
    await estimateParametersFromDatabase(ctx, { source: `eval-errors:${dataset.name}`, mode: dataset.mode });
    const params = await currentParameters(handle.db);
    const settings = matchSettings();
    const cutoff = args['min-p'] ? Number(args['min-p']) : settings.thresholds.matchCutoff;
    const datasetIdOf = new Map(customerIds.map((id, index) => [id, dataset.customers[index].id]));
    const truth = new Set(dataset.truePairs.map(([a, b]) => `${a}\u0000${b}`));
    const hardNegatives = new Set((dataset.hardNegativePairs ?? []).map(([a, b]) => `${a}\u0000${b}`));
    // Every view of a pair (a dedupe pair is scored from both of its records), combined as `npm run eval` does.
    const views = new PairViews<ScoredCandidate>();
    for (let i = 0; i < incomingIds.length; i += 1) {
      const incoming = await getIncoming(ctx, incomingIds[i]);
      const self = dataset.mode === 'dedupe' ? [customerIds[i]] : [];
      const { candidates } = await scoreRecord(handle.db, { record: incoming, matchData: incoming, excludeCustomerIds: self }, params, settings);
      for (const candidate of candidates) {
        const other = datasetIdOf.get(candidate.customer.id)!;
        const [a, b] = dataset.mode === 'dedupe' ? orderedPair(dataset.incoming[i].id, other) : [dataset.incoming[i].id, other];
        const key = `${a}\u0000${b}`;
        views.add(key, candidate.matchWeight, competitionBitsOf(candidate), candidate);
      }
    }
    const lines = { falsePositives: [] as string[], falseNegatives: [] as string[] };
    const bestByPair = views.probabilities();
    for (const [key, probability] of bestByPair) {
      const [a, b] = key.split('\u0000');
      const item = views.item(key)!;
      const band = confidenceBand(probability, settings.thresholds, item.exactHold);
      const line = `p=${probability.toFixed(3)} ${band} ${a} ~ ${b}${hardNegatives.has(key) ? ' [must-not-merge]' : ''}\n${explain(item)}`;
      if (!truth.has(key) && probability >= cutoff) lines.falsePositives.push(line);
      if (truth.has(key) && probability < cutoff) lines.falseNegatives.push(line);
    }
    const nameOf = new Map(dataset.customers.map((record) => [record.id, record.companyName ?? record.contactName ?? '']));
    const clustered = clusteredErrors(dataset, bestByPair, cutoff);
    const limit = Number(args.limit);
    for (const field of ['personName', 'dateOfBirth', 'identifier']) {
      const shown = Object.entries(params.fields[field]?.levels ?? {}).map(([level, { m, u }]) => `${level} m ${m.toPrecision(2)} u ${u.toPrecision(2)}`);
      console.log(`${field}: ${shown.join('; ')}`);
    }
    console.log(`parameters ${params.version}; false positives: ${lines.falsePositives.length}, false negatives among candidates: ${lines.falseNegatives.length}`);
    console.log('\nfalse positives:\n' + lines.falsePositives.slice(0, limit).join('\n'));
    console.log('\nfalse negatives:\n' + lines.falseNegatives.slice(0, limit).join('\n'));
    const named = ([a, b]: [string, string]) => `  ${a} (${nameOf.get(a)}) ~ ${b} (${nameOf.get(b)})${hardNegatives.has(`${a}\u0000${b}`) ? ' [must-not-merge]' : ''}`;
    console.log(`\nclustered false positives (${clustered.falsePositives.length}):\n${clustered.falsePositives.map(named).join('\n')}`);
    console.log(`\nclustered false negatives (${clustered.falseNegatives.length}):\n${clustered.falseNegatives.map(named).join('\n')}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
