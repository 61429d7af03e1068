// npm run eval — measure matching quality on labelled data: load it into a fresh database, run the real
// matching service on every incoming record, print and write precision/recall/F1, per band, candidate
// recall, calibration and timings; with --labels, also a learning curve from simulated steward labels.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createProgress, type Progress } from '../lib/cli/progress';
import { evalCommand, loadRequestedDataset, type EvalOptions } from '../lib/cli/eval-args';
import type { DatabaseHandle } from '../lib/db/client';
import { openScratchPglite, openScratchPostgres } from '../lib/db/scratch';
import { env } from '../lib/env';
import { evaluationMarkdown, evaluationSummaryLines, evaluationJson, reliabilityTableLines } from '../lib/evaluation/report';
import { learningCurveJson, learningCurveLines, learningCurveMarkdown } from '../lib/evaluation/learning-curve-report';
import { evaluateDataset, type EvaluationOptions, type EvaluationPhase } from '../lib/services/evaluation';
import { evaluateLearningCurve, type LearningCurve } from '../lib/services/learning-curve';
import { estimateParametersFromDatabase, MIN_CUSTOMERS_FOR_ESTIMATE } from '../lib/services/estimation';

const program = evalCommand();

async function openFresh(kind: string | undefined): Promise<DatabaseHandle> {
  const url = env().DATABASE_URL;
  const usePostgres = kind === 'postgres' || (kind === undefined && Boolean(url));
  if (!usePostgres) return openScratchPglite();
  if (!url) throw new Error('--database postgres needs DATABASE_URL (a server where a scratch database may be created)');
  return openScratchPostgres(url, 'cm_eval');
}

async function main() {
  program.parse();
  const options = program.opts<EvalOptions>();
  const dataset = await loadRequestedDataset(options);
  const handle = await openFresh(options.database);
  console.error(`Evaluating ${dataset.name} (${dataset.mode}): ${dataset.customers.length} customers, ${dataset.incoming.length} incoming, ${dataset.truePairs.length} true pairs, on ${handle.kind}`);
  let bar: Progress | undefined;
  // EM needs enough pairs to learn from; a small file is scored with the shipped defaults instead of failing.
  const estimate = Boolean(options.estimate) && dataset.customers.length >= MIN_CUSTOMERS_FOR_ESTIMATE;
  if (options.estimate && !estimate) {
    console.error(`${dataset.customers.length} customers are too few to estimate m/u by EM (it needs ${MIN_CUSTOMERS_FOR_ESTIMATE}): scoring with the shipped default parameters, as --no-estimate does`);
  }
  // Labels act through re-estimation: without EM there is nothing for them to change.
  if (options.labels && !estimate) throw new Error('--labels needs m/u estimated by EM on the loaded records (at least 100 customers, without --no-estimate)');
  try {
    const context = { db: handle.db, actor: 'eval' };
    const evaluationOptions: EvaluationOptions = {
      beforeMatching: estimate ? (ctx) => estimateParametersFromDatabase(ctx, { source: `eval:${dataset.name}`, mode: dataset.mode }).then(() => undefined) : undefined,
      onPhase: (phase: EvaluationPhase, total: number) => {
        bar?.stop();
        bar = phase === 'estimate' ? undefined : createProgress(phase, total);
        if (phase === 'estimate' && estimate) console.error('estimating m/u by EM on the loaded records …');
      },
      onProgress: (_phase, done) => bar?.update(done),
    };
    let curve: LearningCurve | undefined;
    let result;
    if (options.labels) {
      ({ result, curve } = await evaluateLearningCurve(context, dataset, {
        ...evaluationOptions,
        labelCounts: options.labels,
        seed: options.labelSeed,
        order: options.labelOrder,
        estimateWithLabels: (ctx, labels) => estimateParametersFromDatabase(ctx, { source: `eval:${dataset.name}:labels-${labels.length}`, mode: dataset.mode, labels }).then(() => undefined),
        onPoint: (labels) => {
          bar?.stop();
          bar = undefined;
          console.error(`learning curve: ${labels} labels${labels > 0 ? ', re-estimating and matching the held-out records' : ''} …`);
        },
      }));
    } else {
      result = await evaluateDataset(context, dataset, evaluationOptions);
    }
    bar?.stop();
    const base = path.join('eval-results', dataset.name.replace(/[^\w.-]+/g, '_'));
    const jsonPath = String(options.json ?? `${base}.json`);
    const mdPath = String(options.md ?? `${base}.md`);
    for (const file of [jsonPath, mdPath]) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const json = { ...evaluationJson(result, handle.kind), ...(curve ? { learning_curve: learningCurveJson(curve) } : {}) };
    writeFileSync(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(mdPath, evaluationMarkdown(result, handle.kind) + (curve ? `\n${learningCurveMarkdown(curve)}` : ''));
    console.log(evaluationSummaryLines(result, handle.kind).join('\n'));
    console.log(['', 'reliability (calibration per probability bucket):', ...reliabilityTableLines(result.quality.calibration)].join('\n'));
    if (curve) console.log(['', ...learningCurveLines(curve)].join('\n'));
    console.log(`\nwritten: ${jsonPath}, ${mdPath}`);
  } finally {
    bar?.stop();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`eval failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
