// In-memory evaluation of the matching engine on a labelled data set: the product's pipeline
// (lib/matching/pipeline.ts) fed by an in-memory copy of the database's blocking, EM on the data set's
// own candidate pairs (labels only score the result). How the shipped default parameters are made.
//
//   npx tsx scripts/engine-eval.ts --dataset febrl4|senzing-demo|generated|<dir>
//     [--params file.json|initial]  starting parameters (default: lib/matching/score/default-params.json;
//                               "initial" = the model's declared priors, used to produce the defaults)
//     [--no-em]                 score with the starting parameters (a fresh install)
//     [--write-params file]     write the EM estimate (how default-params.json is produced)
//     [--oracle-m]              diagnostic only: m from the labels (an upper bound for EM; never ship it)
//     [--without field,field]   ablation: drop these comparisons from the model
//     [--with-identifiers]      febrl4 only: also map date_of_birth and soc_sec_id (default: ignored)
//     [--no-competition]        ablation: score each pair alone (no competing candidates)
//     [--show-params]           print the weight, m and u of every level used for scoring
//     [--prior-strength N]      EM: pseudo-pairs pulling m towards the starting values
//     [--random-pairs N] [--customers N] [--seed N] [--show-errors N] [--json out.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { printUsageIfAsked } from '@/lib/cli/usage';
import { createLocalEmbedder } from '@/lib/embeddings/local';
import { clusteredQuality } from '@/lib/evaluation/clustered';
import { loadDataset } from '@/lib/evaluation/datasets/load-dataset';
import { orderedPair, type LabelledRecord } from '@/lib/evaluation/datasets/types';
import { memoryCandidateSource, prepareRecord, type PreparedRecord } from '@/lib/evaluation/memory-candidates';
import { qualityReport } from '@/lib/evaluation/metrics';
import { LabelledPairs } from '@/lib/evaluation/pair-outcomes';
import { sparseDot, toSparse } from '@/lib/evaluation/sparse-vectors';
import { comparePair } from '@/lib/matching/compare/compare-pair';
import type { ComparisonVector } from '@/lib/matching/compare/types';
import { MATCH_MODEL, type CandidateChannel, type MatchModel } from '@/lib/matching/model';
import { embeddingTexts } from '@/lib/matching/normalize/record';
import { compareCandidates, competitionBitsOf, scoreRecordCandidates, type RecordCandidates, type ScoredCandidate } from '@/lib/matching/pipeline';
import { estimateFromLabels, estimateParameters, trainingBlocks } from '@/lib/matching/score/em';
import { initialParameters, parseMatchParameters, withDeclaredLevels, type MatchParameters } from '@/lib/matching/score/params';
import { matchSettings } from '@/lib/services/matching-settings';

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

/** Ablation: the model without the listed comparisons. */
function modelWithout(fields: string[]): MatchModel {
  const unknown = fields.filter((field) => !MATCH_MODEL.comparisons.some((definition) => definition.field === field));
  if (unknown.length > 0) throw new Error(`--without: unknown comparison ${unknown.join(', ')} (known: ${MATCH_MODEL.comparisons.map((d) => d.field).join(', ')})`);
  return fields.length === 0 ? MATCH_MODEL : { ...MATCH_MODEL, comparisons: MATCH_MODEL.comparisons.filter((definition) => !fields.includes(definition.field)) };
}

function timer() {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
}

function startingParameters(model: MatchModel): MatchParameters {
  if (args.params === 'initial') return initialParameters(model);
  const file = args.params ?? DEFAULT_PARAMS_PATH;
  if (existsSync(file)) return withDeclaredLevels(parseMatchParameters(JSON.parse(readFileSync(file, 'utf8'))), model);
  console.warn(`${file} not found: starting from the model's initial parameters`);
  return initialParameters(model);
}

async function prepareAll(records: LabelledRecord[]): Promise<PreparedRecord[]> {
  const embedder = createLocalEmbedder();
  const texts = records.map((record) => embeddingTexts(record));
  const profiles = await embedder.embed(texts.map((text) => text.fullProfile));
  const names = await embedder.embed(texts.map((text) => text.companyName));
  return records.map((record, index) => prepareRecord(record.id, index, record, toSparse(profiles[index]), toSparse(names[index])));
}

/** u comes from random pairs, compared as the estimation service compares them (no term frequencies). */
function randomPairVectors(customers: PreparedRecord[], incoming: PreparedRecord[], dedupe: boolean, count: number, model: MatchModel): ComparisonVector[] {
  const random = seededRandom(7);
  const vectors: ComparisonVector[] = [];
  for (let drawn = 0; drawn < count; drawn += 1) {
    const a = incoming[Math.floor(random() * incoming.length)];
    const b = customers[Math.floor(random() * customers.length)];
    if (dedupe && a === b) continue;
    const signals = { profileCosine: sparseDot(a.profileVector, b.profileVector), nameCosine: sparseDot(a.nameVector, b.nameVector) };
    vectors.push(comparePair(a.normalized, b.normalized, signals, undefined, model));
  }
  return vectors;
}

async function main() {
  const timings: Record<string, number> = {};
  const model = modelWithout((args.without ?? '').split(',').filter(Boolean));
  const settings = matchSettings();
  const { thresholds } = settings;
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
  const source = memoryCandidateSource(customers, settings.limits, createLocalEmbedder().dimensions);
  const found: RecordCandidates<PreparedRecord>[] = incoming.map((record) => source.find(record, dedupe));
  timings.candidatesMs = elapsed();

  elapsed = timer();
  const compared = found.map((record) => compareCandidates(record.incoming, record.candidates, { model, termFrequency: record.termFrequency }));
  const vectors = compared.flat().map((candidate) => candidate.vector);
  const channelsOf: CandidateChannel[][] = compared.flat().map((candidate) => candidate.channels);
  timings.compareMs = elapsed();

  const truth = new Set(dataset.truePairs.map(([a, b]) => `${a}\u0000${b}`));
  const keyOf = (record: number, candidate: PreparedRecord) => (dedupe ? orderedPair(incoming[record].id, candidate.id) : [incoming[record].id, candidate.id]).join('\u0000');
  let params = startingParameters(model);
  if (!args['no-em']) {
    elapsed = timer();
    const randomVectors = randomPairVectors(customers, incoming, dedupe, Number(args['random-pairs']), model);
    const totalPairs = dedupe ? (customers.length * (customers.length - 1)) / 2 : customers.length * incoming.length;
    const estimate = estimateParameters({
      model,
      candidateVectors: vectors,
      randomVectors,
      initial: params,
      blocks: trainingBlocks(model, vectors, channelsOf),
      totalPairs,
      ...(args['prior-strength'] ? { priorStrength: Number(args['prior-strength']) } : {}),
      version: `em-${dataset.name}`,
    });
    params = {
      ...estimate.parameters,
      training: { ...estimate.parameters.training!, dataset: dataset.name, customers: customers.length, createdAt: new Date().toISOString(), command: `npx tsx scripts/engine-eval.ts ${process.argv.slice(2).join(' ')}` },
    };
    timings.emMs = elapsed();
    console.log(`EM: ${estimate.iterations} iterations, converged=${estimate.converged}, λ(candidates)=${estimate.candidateLambda.toFixed(4)}, λ=${params.lambda.toExponential(3)}`);
    if (args['write-params']) {
      writeFileSync(args['write-params'], `${JSON.stringify(params, null, 2)}\n`);
      console.log(`wrote ${args['write-params']}`);
    }
  }

  if (args['oracle-m']) {
    const labels = compared.flatMap((record, index) => record.map((candidate) => truth.has(keyOf(index, candidate.customer))));
    params = { ...params, fields: estimateFromLabels(vectors, labels, params, model).fields, version: 'oracle-m' };
    console.log('ORACLE m from labels (diagnostic, not a result)');
  }

  if (args['show-params']) {
    for (const [field, { levels }] of Object.entries(params.fields)) {
      const shown = Object.entries(levels).map(([level, { m, u }]) => `${level} ${Math.log2(m / u).toFixed(1)} (m ${m.toPrecision(2)}, u ${u.toPrecision(2)})`);
      console.log(`  ${field}: ${shown.join('; ')}`);
    }
  }

  elapsed = timer();
  const pairs = new LabelledPairs<ScoredCandidate<PreparedRecord>>(dataset);
  found.forEach((record, index) => {
    const scored = scoreRecordCandidates(record, { model, params, thresholds, describe: (customer) => customer.id });
    for (const candidate of scored.candidates) {
      const competitionBits = args['no-competition'] ? 0 : competitionBitsOf(candidate);
      const matchWeight = args['no-competition'] ? candidate.matchWeight - competitionBitsOf(candidate) : candidate.matchWeight;
      pairs.add(incoming[index].id, candidate.customer.id, { matchWeight, competitionBits }, candidate);
    }
  });
  const probabilities = pairs.probabilities();
  const outcomes = pairs.outcomes(probabilities);
  timings.scoreMs = elapsed();

  const report = qualityReport(outcomes, dataset.truePairs.length, thresholds);
  const clustered = dedupe ? clusteredQuality(dataset, probabilities, thresholds.matchCutoff) : null;
  const perRecordMs = (timings.candidatesMs + timings.compareMs + timings.scoreMs) / incoming.length;
  const hardNegatives = dataset.hardNegativePairs?.length ?? 0;

  console.log(`\n${dataset.name} (${dataset.mode}): ${customers.length} customers, ${incoming.length} incoming, ${dataset.truePairs.length} true pairs`);
  console.log(`candidates: ${outcomes.length} pairs, recall ${report.candidateRecall.toFixed(4)}, capped incoming ${found.filter((record) => record.capped).length}`);
  console.log(`at p ≥ ${thresholds.matchCutoff}: precision ${report.precision.toFixed(4)}  recall ${report.recall.toFixed(4)}  F1 ${report.f1.toFixed(4)}  (TP ${report.truePositives}, FP ${report.falsePositives}, FN ${report.falseNegatives})`);
  console.log('bands:', JSON.stringify(report.bands));
  console.log(`must-not-merge pairs in exact band: ${report.hardNegativesInExactBand} (of ${hardNegatives} known)`);
  console.log(`calibration (p bucket: pairs, mean p, observed); expected calibration error ${report.expectedCalibrationError.toFixed(4)}:`);
  for (const bucket of report.calibration.filter((b) => b.pairs > 0)) {
    console.log(`  [${bucket.from}, ${bucket.to}): ${bucket.pairs}, ${bucket.meanPredicted.toFixed(3)}, ${bucket.observed.toFixed(3)}`);
  }
  if (clustered) {
    console.log(
      `clustered (single link at p ≥ ${thresholds.matchCutoff}, refusing joins with a hard conflict): ${clustered.entities} entities, ` +
        `precision ${clustered.precision.toFixed(4)}  recall ${clustered.recall.toFixed(4)}  F1 ${clustered.f1.toFixed(4)}  ` +
        `(TP ${clustered.truePositives}, FP ${clustered.falsePositives}, FN ${clustered.falseNegatives}), must-not-merge pairs merged: ${clustered.hardNegativesMerged}`,
    );
  }
  console.log('timings (ms):', JSON.stringify({ ...timings, perIncomingRecordMs: Number(perRecordMs.toFixed(3)) }));

  const showErrors = Number(args['show-errors']);
  if (showErrors > 0) printErrors(pairs.errors(thresholds.matchCutoff, probabilities), showErrors, customers);
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ dataset: dataset.name, report, ...(clustered ? { clustered } : {}), timings, parametersVersion: params.version }, null, 2)}\n`);
}

function printErrors(errors: ReturnType<LabelledPairs<ScoredCandidate<PreparedRecord>>['errors']>, limit: number, customers: PreparedRecord[]) {
  const explain = (error: (typeof errors.falsePositives)[number]) => {
    const fields = error.item.contributions.filter((c) => c.level !== 'null').map((c) => `${c.field}:${c.level}(${c.weight.toFixed(1)}) [${c.left} | ${c.right}]`);
    return `p=${error.probability.toFixed(3)} ${error.ids.join(' ~ ')}${error.isHardNegative ? ' [must-not-merge]' : ''}\n    ${fields.join('\n    ')}`;
  };
  console.log(`\nfalse positives (${errors.falsePositives.length}):`);
  for (const error of errors.falsePositives.slice(0, limit)) console.log(explain(error));
  console.log(`\nfalse negatives among candidates (${errors.falseNegatives.length}):`);
  for (const error of errors.falseNegatives.slice(0, limit)) console.log(explain(error));
  if (errors.clustered) {
    const nameOf = new Map(customers.map((customer) => [customer.id, customer.normalized.contact?.display ?? customer.normalized.company?.core ?? '']));
    const show = (pair: [string, string]) => pair.map((id) => `${id} (${nameOf.get(id)})`).join(' ~ ');
    console.log(`\nclustered false positives (${errors.clustered.falsePositives.length}):`);
    for (const pair of errors.clustered.falsePositives.slice(0, limit)) console.log(`  ${show(pair)}`);
    console.log(`\nclustered false negatives (${errors.clustered.falseNegatives.length}):`);
    for (const pair of errors.clustered.falseNegatives.slice(0, limit)) console.log(`  ${show(pair)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
