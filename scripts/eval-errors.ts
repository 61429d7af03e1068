// Diagnostic: the errors of the real pipeline on a labelled dedupe or link data set, each with its
// explanation (level and weight per field), as `npm run eval` produces them: fresh PGlite, EM on
// the loaded records, database candidates. Labels are only used to pick which pairs to print.
//
//   npx tsx scripts/eval-errors.ts --dataset senzing-demo [--limit 50] [--min-p 0.8]
import { parseArgs } from 'node:util';
import { loadDataset } from '../lib/evaluation/datasets/load-dataset';
import { openScratchPglite } from '../lib/db/scratch';
import { createCustomersBulk } from '../lib/services/customers';
import { estimateParametersFromDatabase } from '../lib/services/estimation';
import { toInput } from '../lib/services/evaluation';
import { getIncoming, submitIncomingBulk } from '../lib/services/incoming';
import { matchSettings } from '../lib/services/matching-settings';
import { currentParameters } from '../lib/services/parameters';
import { competitionBitsOf } from '../lib/matching/pipeline';
import { scoreRecord, type ScoredCandidate } from '../lib/services/scoring';
import { LabelledPairs, type PairError } from '../lib/evaluation/pair-outcomes';
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
    // Every view of a pair (a dedupe pair is scored from both of its records), combined as `npm run eval` does.
    const pairs = new LabelledPairs<ScoredCandidate>(dataset);
    for (let i = 0; i < incomingIds.length; i += 1) {
      const incoming = await getIncoming(ctx, incomingIds[i]);
      const self = dataset.mode === 'dedupe' ? [customerIds[i]] : [];
      const { candidates } = await scoreRecord(handle.db, { record: incoming, matchData: incoming, excludeCustomerIds: self }, params, settings);
      for (const candidate of candidates) {
        pairs.add(dataset.incoming[i].id, datasetIdOf.get(candidate.customer.id)!, { matchWeight: candidate.matchWeight, competitionBits: competitionBitsOf(candidate) }, candidate);
      }
    }
    const errors = pairs.errors(cutoff);
    const line = (error: PairError<ScoredCandidate>) =>
      `p=${error.probability.toFixed(3)} ${confidenceBand(error.probability, settings.thresholds, error.item.exactHold)} ${error.ids.join(' ~ ')}${error.isHardNegative ? ' [must-not-merge]' : ''}\n${explain(error.item)}`;
    const limit = Number(args.limit);
    for (const field of ['personName', 'dateOfBirth', 'identifier']) {
      const shown = Object.entries(params.fields[field]?.levels ?? {}).map(([level, { m, u }]) => `${level} m ${m.toPrecision(2)} u ${u.toPrecision(2)}`);
      console.log(`${field}: ${shown.join('; ')}`);
    }
    console.log(`parameters ${params.version}; false positives: ${errors.falsePositives.length}, false negatives among candidates: ${errors.falseNegatives.length}`);
    console.log('\nfalse positives:\n' + errors.falsePositives.slice(0, limit).map(line).join('\n'));
    console.log('\nfalse negatives:\n' + errors.falseNegatives.slice(0, limit).map(line).join('\n'));
    if (errors.clustered) {
      const nameOf = new Map(dataset.customers.map((record) => [record.id, record.companyName ?? record.contactName ?? '']));
      const hardNegatives = new Set((dataset.hardNegativePairs ?? []).map(([a, b]) => `${a}\u0000${b}`));
      const named = ([a, b]: [string, string]) => `  ${a} (${nameOf.get(a)}) ~ ${b} (${nameOf.get(b)})${hardNegatives.has(`${a}\u0000${b}`) ? ' [must-not-merge]' : ''}`;
      console.log(`\nclustered false positives (${errors.clustered.falsePositives.length}):\n${errors.clustered.falsePositives.map(named).join('\n')}`);
      console.log(`\nclustered false negatives (${errors.clustered.falseNegatives.length}):\n${errors.clustered.falseNegatives.map(named).join('\n')}`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
