// In-memory evaluation of the matching engine on a labelled data set: normalise, embed (local
// hashing), generate candidates like the database would, estimate m/u by EM on the data set's own
// pairs (unsupervised: labels are used only to score), score, and print quality and timings.
//
//   npx tsx scripts/engine-eval.ts --dataset febrl4|senzing-demo|generated|<dir>
//     [--params file.json|initial]  starting parameters (default: lib/matching/score/default-params.json;
//                               "initial" = neutral values, used to produce the defaults themselves)
//     [--no-em]                 score with the starting parameters (a fresh install), λ rescaled to
//                               this customer count as the database does
//     [--write-params file]     write the EM estimate (how default-params.json is produced)
//     [--oracle-m]              diagnostic only: m from the labels (an upper bound for EM; never ship it)
//     [--without field,field]   ablation: treat these comparisons as missing everywhere
//     [--with-identifiers]      febrl4 only: also map date_of_birth and soc_sec_id (default: ignored)
//     [--no-competition]        ablation: score each pair alone (no competing candidates)
//     [--show-params]           print the weight, m and u of every level used for scoring
//     [--prior-strength N]      EM: pseudo-pairs pulling m towards the starting values (default 10)
//     [--random-pairs N] [--customers N] [--seed N] [--show-errors N] [--json out.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadDataset } from '@/lib/evaluation/datasets/load-dataset';
import type { LabelledDataset } from '@/lib/evaluation/datasets/types';
import { createLocalEmbedder } from '@/lib/embeddings/local';
import { resolveBandThresholds } from '@/lib/matching/band';
import { clusterRecords, hardConflict, pairsWithinClusters } from '@/lib/matching/cluster';
import { comparePair, exactHold } from '@/lib/matching/compare/compare-pair';
import type { ComparisonVector, TermFrequencyLookup } from '@/lib/matching/compare/types';
import { CHANNEL_BLOCKED_FIELDS, generateCandidates, prepareRecord, type PreparedRecord } from '@/lib/evaluation/memory-candidates';
import { qualityReport } from '@/lib/evaluation/metrics';
import { sparseDot, toSparse } from '@/lib/evaluation/sparse-vectors';
import { termFrequencyTable } from '@/lib/matching/term-frequency';
import { embeddingTexts } from '@/lib/matching/normalize/record';
import { estimateFromLabels, estimateParameters, type TrainingBlock } from '@/lib/matching/score/em';
import { adjustPriorForCustomerCount, initialParameters, parseMatchParameters, withDeclaredLevels, type MatchParameters } from '@/lib/matching/score/params';
import { probabilityFromWeight, scoreComparison } from '@/lib/matching/score/score';
import { combineViews, competingCandidates } from '@/lib/matching/competition';
import { printUsageIfAsked } from '@/lib/cli/usage';

const DEFAULT_PARAMS_PATH = 'lib/matching/score/default-params.json';

printUsageIfAsked(import.meta.url);
const { values: args } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'generated' },
    'no-competition': { type: 'boolean', default: false },
    params: { type: 'string' },
    'no-em': { type: 'boolean', default: false },
    'write-params': { type: 'string' },
    'random-pairs': { type: 'string', default: '100000' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    'show-errors': { type: 'string', default: '0' },
    json: { type: 'string' },
    without: { type: 'string', default: '' },
    'oracle-m': { type: 'boolean', default: false },
    'with-identifiers': { type: 'boolean', default: false },
    'show-params': { type: 'boolean', default: false },
    'prior-strength': { type: 'string' },
  },
});

/** mulberry32: a tiny seeded generator so random pairs (and so u) are reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ablated = new Set((args.without ?? '').split(',').filter(Boolean));

/** Ablation: the listed fields land on the null level, as if no record had them. */
function withoutAblated(vector: ComparisonVector): ComparisonVector {
  if (ablated.size === 0) return vector;
  return { comparisons: vector.comparisons.map((c) => (ablated.has(c.field) ? { field: c.field, level: 'null', left: c.left, right: c.right } : c)) };
}

function timer() {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
}

function startingParameters(): MatchParameters {
  if (args.params === 'initial') return initialParameters();
  const file = args.params ?? DEFAULT_PARAMS_PATH;
  if (existsSync(file)) return withDeclaredLevels(parseMatchParameters(JSON.parse(readFileSync(file, 'utf8'))));
  console.warn(`${file} not found: starting from neutral initial parameters`);
  return initialParameters();
}

async function prepareAll(records: LabelledDataset['customers']): Promise<PreparedRecord[]> {
  const embedder = createLocalEmbedder();
  const texts = records.map((record) => embeddingTexts(record));
  const profiles = await embedder.embed(texts.map((text) => text.fullProfile));
  const names = await embedder.embed(texts.map((text) => text.companyName));
  return records.map((record, index) => prepareRecord(record.id, record, toSparse(profiles[index]), toSparse(names[index])));
}

function randomPairVectors(customers: PreparedRecord[], incoming: PreparedRecord[], dedupe: boolean, count: number): ComparisonVector[] {
  const random = seededRandom(7);
  const vectors: ComparisonVector[] = [];
  for (let drawn = 0; drawn < count; drawn += 1) {
    const a = incoming[Math.floor(random() * incoming.length)];
    const b = customers[Math.floor(random() * customers.length)];
    if (dedupe && a === b) continue;
    const signals = { profileCosine: sparseDot(a.profileVector, b.profileVector), nameCosine: a.name && b.name ? sparseDot(a.nameVector, b.nameVector) : null };
    vectors.push(withoutAblated(comparePair(a.normalized, b.normalized, signals)));
  }
  return vectors;
}

async function main() {
  const timings: Record<string, number> = {};
  let elapsed = timer();
  const dataset = await loadDataset(args.dataset!, {
    ...(args.customers ? { customers: Number(args.customers) } : {}),
    ...(args.seed ? { seed: Number(args.seed) } : {}),
    withIdentifiers: args['with-identifiers'],
  });
  timings.loadMs = elapsed();
  const dedupe = dataset.mode === 'dedupe';

  elapsed = timer();
  const customers = await prepareAll(dataset.customers);
  const incoming = dedupe ? customers : await prepareAll(dataset.incoming);
  timings.normaliseAndEmbedMs = elapsed();

  elapsed = timer();
  const candidates = generateCandidates(customers, incoming, dedupe, createLocalEmbedder().dimensions);
  timings.candidatesMs = elapsed();

  elapsed = timer();
  const termFrequency: TermFrequencyLookup = termFrequencyTable(customers.map((customer) => customer.normalized));
  const vectors = candidates.pairs.map((pair) =>
    withoutAblated(comparePair(incoming[pair.incoming].normalized, customers[pair.customer].normalized, { profileCosine: pair.profileCosine, nameCosine: pair.nameCosine }, termFrequency)),
  );
  timings.compareMs = elapsed();

  const initial = startingParameters();
  // Scoring without EM, like the database does: λ rescaled from the training table to this one.
  let params = args['no-em'] ? adjustPriorForCustomerCount(initial, customers.length) : initial;
  if (!args['no-em']) {
    elapsed = timer();
    const randomVectors = randomPairVectors(customers, incoming, dedupe, Number(args['random-pairs']));
    const blocks: TrainingBlock[] = Object.entries(CHANNEL_BLOCKED_FIELDS)
      .filter((entry): entry is [string, string[]] => entry[1] !== null)
      .map(([channel, blockedOn]) => ({ blockedOn, vectors: vectors.filter((_, i) => candidates.pairs[i].channels.has(channel as never)) }));
    const totalPairs = dedupe ? (customers.length * (customers.length - 1)) / 2 : customers.length * incoming.length;
    const estimate = estimateParameters({ candidateVectors: vectors, randomVectors, initial, blocks, totalPairs, ...(args['prior-strength'] ? { priorStrength: Number(args['prior-strength']) } : {}), version: `em-${dataset.name}` });
    params = { ...estimate.parameters, training: { ...estimate.parameters.training!, dataset: dataset.name, customers: customers.length, createdAt: new Date().toISOString(), command: `npx tsx scripts/engine-eval.ts ${process.argv.slice(2).join(' ')}` } };
    timings.emMs = elapsed();
    console.log(`EM: ${estimate.iterations} iterations, converged=${estimate.converged}, λ(candidates)=${estimate.candidateLambda.toFixed(4)}, λ=${params.lambda.toExponential(3)}`);
    if (args['write-params']) {
      writeFileSync(args['write-params'], `${JSON.stringify(params, null, 2)}\n`);
      console.log(`wrote ${args['write-params']}`);
    }
  }

  if (args['oracle-m']) {
    const labelKey = (a: string, b: string) => (dedupe && b < a ? `${b}|${a}` : `${a}|${b}`);
    const labelled = new Set(dataset.truePairs.map(([a, b]) => labelKey(a, b)));
    const labels = candidates.pairs.map((pair) => labelled.has(labelKey(incoming[pair.incoming].id, customers[pair.customer].id)));
    const oracle = estimateFromLabels(vectors, labels, params);
    params = { ...params, fields: oracle.fields, version: 'oracle-m' };
    console.log('ORACLE m from labels (diagnostic, not a result)');
  }

  if (args['show-params']) {
    for (const [field, { levels }] of Object.entries(params.fields)) {
      const shown = Object.entries(levels).map(([level, { m, u }]) => `${level} ${Math.log2(m / u).toFixed(1)} (m ${m.toPrecision(2)}, u ${u.toPrecision(2)})`);
      console.log(`  ${field}: ${shown.join('; ')}`);
    }
  }

  elapsed = timer();
  let scored = vectors.map((vector) => scoreComparison(vector, params, { termFrequencyCustomers: customers.length }));
  if (!args['no-competition']) {
    // Candidates of one record that cannot be one entity compete (lib/matching/competition.ts). In
    // a dedupe set a pair is a candidate of both its records: the rivals of both views add up.
    const views = new Map<number, Array<{ index: number; other: number }>>();
    const addView = (record: number, index: number, other: number) => views.set(record, [...(views.get(record) ?? []), { index, other }]);
    candidates.pairs.forEach((pair, index) => {
      addView(pair.incoming, index, pair.customer);
      if (dedupe) addView(pair.customer, index, pair.incoming);
    });
    const penalties = scored.map((): number[] => []);
    for (const view of views.values()) {
      const competition = competingCandidates(
        view.map(({ index }) => scored[index].matchWeight),
        (j, k) => hardConflict(customers[view[j].other].normalized, customers[view[k].other].normalized) !== null,
      );
      competition.forEach(({ penaltyBits }, j) => penalties[view[j].index].push(penaltyBits));
    }
    scored = scored.map((pair, index) => {
      const weight = combineViews(pair.matchWeight, penalties[index]);
      return weight === pair.matchWeight ? pair : { ...pair, matchWeight: weight, matchProbability: probabilityFromWeight(weight) };
    });
  }
  timings.scoreMs = elapsed();

  const pairKey = (a: string, b: string) => (dedupe && b < a ? `${b}|${a}` : `${a}|${b}`);
  const truth = new Set(dataset.truePairs.map(([a, b]) => pairKey(a, b)));
  const hardNegatives = new Set((dataset.hardNegativePairs ?? []).map(([a, b]) => pairKey(a, b)));
  const outcomes = candidates.pairs.map((pair, index) => {
    const key = pairKey(incoming[pair.incoming].id, customers[pair.customer].id);
    return {
      key,
      matchProbability: scored[index].matchProbability,
      isTrueMatch: truth.has(key),
      isHardNegative: hardNegatives.has(key),
      exactHold: exactHold(scored[index].contributions),
    };
  });
  const thresholds = resolveBandThresholds();
  const report = qualityReport(outcomes, truth.size, thresholds);
  const perRecordMs = (timings.candidatesMs + timings.compareMs + timings.scoreMs) / incoming.length;

  console.log(`\n${dataset.name} (${dataset.mode}): ${customers.length} customers, ${incoming.length} incoming, ${truth.size} true pairs`);
  console.log(`candidates: ${candidates.pairs.length} pairs, recall ${report.candidateRecall.toFixed(4)}, capped incoming ${candidates.cappedIncoming}`);
  console.log(`at p ≥ ${thresholds.matchCutoff}: precision ${report.precision.toFixed(4)}  recall ${report.recall.toFixed(4)}  F1 ${report.f1.toFixed(4)}  (TP ${report.truePositives}, FP ${report.falsePositives}, FN ${report.falseNegatives})`);
  console.log('bands:', JSON.stringify(report.bands));
  console.log(`must-not-merge pairs in exact band: ${report.hardNegativesInExactBand} (of ${hardNegatives.size} known)`);
  console.log('calibration (p bucket: pairs, mean p, observed):');
  for (const bucket of report.calibration.filter((b) => b.pairs > 0)) {
    console.log(`  [${bucket.from}, ${bucket.to}): ${bucket.pairs}, ${bucket.meanPredicted.toFixed(3)}, ${bucket.observed.toFixed(3)}`);
  }
  const clustered = dedupe ? clusteredReport() : null;
  if (clustered) {
    console.log(
      `clustered (single link at p ≥ ${thresholds.matchCutoff}, refusing joins with a hard conflict): ${clustered.entities} entities, ` +
        `precision ${clustered.precision.toFixed(4)}  recall ${clustered.recall.toFixed(4)}  F1 ${clustered.f1.toFixed(4)}  ` +
        `(TP ${clustered.truePositives}, FP ${clustered.falsePositives}, FN ${clustered.falseNegatives}), must-not-merge pairs merged: ${clustered.hardNegativesMerged}, refused links: ${clustered.refusedLinks}`,
    );
  }

  /** Dedupe data sets: entity resolution over the scored pairs, every pair inside one entity predicted. */
  function clusteredReport() {
    const links = candidates.pairs.map((pair, index) => ({ a: pair.incoming, b: pair.customer, probability: scored[index].matchProbability }));
    const result = clusterRecords(customers.length, links, thresholds.matchCutoff, (i, j) => hardConflict(customers[i].normalized, customers[j].normalized) !== null);
    const predicted = pairsWithinClusters(result.clusters).map(([i, j]) => pairKey(customers[i].id, customers[j].id));
    const truePositives = predicted.filter((key) => truth.has(key)).length;
    const precision = predicted.length === 0 ? 0 : truePositives / predicted.length;
    const recall = truth.size === 0 ? 0 : truePositives / truth.size;
    return {
      entities: result.clusters.length,
      refusedLinks: result.refusedLinks,
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      truePositives,
      falsePositives: predicted.length - truePositives,
      falseNegatives: truth.size - truePositives,
      hardNegativesMerged: predicted.filter((key) => hardNegatives.has(key)).length,
      falsePositivePairs: predicted.filter((key) => !truth.has(key)),
      falseNegativePairs: [...truth].filter((key) => !predicted.includes(key)),
    };
  }
  console.log('timings (ms):', JSON.stringify({ ...timings, perIncomingRecordMs: Number(perRecordMs.toFixed(3)) }));

  const showErrors = Number(args['show-errors']);
  if (showErrors > 0) {
    const describe = (index: number) => {
      const pair = candidates.pairs[index];
      const s = scored[index];
      const fields = s.contributions.filter((c) => c.level !== 'null').map((c) => `${c.field}:${c.level}(${c.weight.toFixed(1)}) [${c.left} | ${c.right}]`);
      const mustNotMerge = outcomes[index].isHardNegative ? ' [must-not-merge]' : '';
      return `p=${s.matchProbability.toFixed(3)} ${incoming[pair.incoming].id} ~ ${customers[pair.customer].id}${mustNotMerge}\n    ${fields.join('\n    ')}`;
    };
    const indexes = outcomes.map((outcome, index) => ({ outcome, index }));
    console.log('\nfalse positives:');
    for (const { index } of indexes.filter(({ outcome }) => !outcome.isTrueMatch && outcome.matchProbability >= thresholds.matchCutoff).slice(0, showErrors)) console.log(describe(index));
    console.log('\nfalse negatives (reached as candidates):');
    for (const { index } of indexes.filter(({ outcome }) => outcome.isTrueMatch && outcome.matchProbability < thresholds.matchCutoff).slice(0, showErrors)) console.log(describe(index));
    if (clustered) {
      const nameOf = new Map(customers.map((customer) => [customer.id, customer.normalized.contact?.display ?? customer.normalized.company?.core ?? '']));
      const show = (key: string) => key.split('|').map((id) => `${id} (${nameOf.get(id)})`).join(' ~ ');
      console.log('\nclustered false positives:');
      for (const key of clustered.falsePositivePairs.slice(0, showErrors)) console.log(`  ${show(key)}`);
      console.log('\nclustered false negatives:');
      for (const key of clustered.falseNegativePairs.slice(0, showErrors)) console.log(`  ${show(key)}`);
    }
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ dataset: dataset.name, report, ...(clustered ? { clustered: { ...clustered, falsePositivePairs: undefined, falseNegativePairs: undefined } } : {}), timings, parametersVersion: params.version }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
