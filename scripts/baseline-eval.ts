// A plain textbook Fellegi–Sunter/EM linker on a labelled data set: the yardstick the engine's
// figures are read against (scripts/engine-eval.ts prints the same lines). No domain
// normalisation: lower-cased raw strings, Jaro-Winkler levels, token blocking, EM.
//
//   npx tsx scripts/baseline-eval.ts --dataset febrl4|senzing-demo|generated|<dir>
//     [--seed N] [--customers N]   for the generated set
//     [--show-params]              print m, u and the weight of every level
//     [--show-errors N]            print N false positives and N false negatives
//     [--json out.json]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBaseline } from '@/lib/evaluation/baseline/linker';
import { BASELINE_FIELDS } from '@/lib/evaluation/baseline/comparisons';
import { errorBreakdown } from '@/lib/evaluation/baseline/breakdown';
import { loadDataset } from '@/lib/evaluation/datasets/load-dataset';
import { resolveBandThresholds } from '@/lib/matching/band';
import { qualityReport } from '@/lib/evaluation/metrics';
import { printUsageIfAsked } from '@/lib/cli/usage';

printUsageIfAsked(import.meta.url);
const { values: args } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'generated' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    'show-params': { type: 'boolean', default: false },
    'show-errors': { type: 'string', default: '0' },
    json: { type: 'string' },
  },
});

async function main() {
  const started = performance.now();
  const dataset = await loadDataset(args.dataset!, {
    ...(args.customers ? { customers: Number(args.customers) } : {}),
    ...(args.seed ? { seed: Number(args.seed) } : {}),
  });
  const result = runBaseline(dataset);
  const { parameters } = result;
  console.log(`EM: m in ${result.sessionIterations.join(" + ")} iterations, λ in ${result.iterations}, converged=${result.converged}, λ(candidates)=${parameters.lambda.toFixed(4)}`);

  if (args['show-params']) {
    BASELINE_FIELDS.forEach((field, index) => {
      const levels = field.levels.map((level, levelIndex) => {
        const [m, u] = [parameters.m[index][levelIndex], parameters.u[index][levelIndex]];
        return `${level} ${Math.log2(m / u).toFixed(1)} (m ${m.toPrecision(2)}, u ${u.toPrecision(2)})`;
      });
      console.log(`  ${field.field}: ${levels.join('; ')}`);
    });
  }

  const key = (a: string, b: string) => `${a}|${b}`;
  const truth = new Set(dataset.truePairs.map(([a, b]) => key(a, b)));
  const hardNegatives = new Set((dataset.hardNegativePairs ?? []).map(([a, b]) => key(a, b)));
  const outcomes = result.candidates.map((candidate) => {
    const pairKey = key(candidate.incomingId, candidate.customerId);
    // The textbook linker has no notion of a field that contradicts a match: its bands are cut on p alone.
    return { ...candidate, isTrueMatch: truth.has(pairKey), isHardNegative: hardNegatives.has(pairKey), exactHold: null };
  });
  const thresholds = resolveBandThresholds();
  const report = qualityReport(outcomes, truth.size, thresholds);

  console.log(`\n${dataset.name} (${dataset.mode}): ${dataset.customers.length} customers, ${dataset.incoming.length} incoming, ${truth.size} true pairs`);
  console.log(`candidates: ${outcomes.length} pairs, recall ${report.candidateRecall.toFixed(4)}, capped incoming ${result.cappedIncoming}`);
  console.log(`at p ≥ ${thresholds.matchCutoff}: precision ${report.precision.toFixed(4)}  recall ${report.recall.toFixed(4)}  F1 ${report.f1.toFixed(4)}  (TP ${report.truePositives}, FP ${report.falsePositives}, FN ${report.falseNegatives})`);
  console.log('bands:', JSON.stringify(report.bands));
  console.log(`must-not-merge pairs in exact band: ${report.hardNegativesInExactBand} (of ${hardNegatives.size} known); expected calibration error ${report.expectedCalibrationError.toFixed(4)}`);
  const breakdown = errorBreakdown(dataset, outcomes, thresholds.matchCutoff);
  if (breakdown) {
    const sorted = (counts: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1])));
    console.log('false positives by incoming kind:', sorted(breakdown.falsePositives));
    console.log('false negatives by perturbation:', sorted(breakdown.falseNegatives));
  }
  console.log('timings (ms):', JSON.stringify({ totalMs: Math.round(performance.now() - started) }));

  const showErrors = Number(args['show-errors']);
  if (showErrors > 0) {
    const records = new Map([...dataset.customers, ...dataset.incoming].map((record) => [record.id, record]));
    const describe = (outcome: (typeof outcomes)[number]) => {
      const [a, b] = [records.get(outcome.incomingId)!, records.get(outcome.customerId)!];
      const fields = BASELINE_FIELDS.map(({ field }) => field).filter((field) => a[field] != null || b[field] != null);
      return `p=${outcome.matchProbability.toFixed(3)} ${a.id} ~ ${b.id}\n    ${fields.map((field) => `${field}: ${a[field] ?? '∅'} | ${b[field] ?? '∅'}`).join('\n    ')}`;
    };
    console.log('\nfalse positives:');
    for (const outcome of outcomes.filter((o) => !o.isTrueMatch && o.matchProbability >= thresholds.matchCutoff).slice(0, showErrors)) console.log(describe(outcome));
    console.log('\nfalse negatives (reached as candidates):');
    for (const outcome of outcomes.filter((o) => o.isTrueMatch && o.matchProbability < thresholds.matchCutoff).slice(0, showErrors)) console.log(describe(outcome));
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ dataset: dataset.name, linker: 'textbook-baseline', report, breakdown }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
