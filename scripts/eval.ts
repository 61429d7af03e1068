// npm run eval — measure matching quality on labelled data: load it into a fresh database, run the real
// matching service on every incoming record, print and write precision/recall/F1, per band, candidate
// recall, calibration and timings.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createProgress, type Progress } from '../lib/cli/progress';
import { evalCommand, loadRequestedDataset, type EvalOptions } from '../lib/cli/eval-args';
import type { DatabaseHandle } from '../lib/db/client';
import { openScratchPglite, openScratchPostgres } from '../lib/db/scratch';
import { env } from '../lib/env';
import { evaluationMarkdown, evaluationSummaryLines, evaluationJson, reliabilityTableLines } from '../lib/evaluation/report';
import { evaluateDataset, type EvaluationPhase } from '../lib/services/evaluation';
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
  try {
    const result = await evaluateDataset(
      { db: handle.db, actor: 'eval' },
      dataset,
      {
        beforeMatching: estimate ? (ctx) => estimateParametersFromDatabase(ctx, { source: `eval:${dataset.name}`, mode: dataset.mode }).then(() => undefined) : undefined,
        onPhase: (phase: EvaluationPhase, total: number) => {
          bar?.stop();
          bar = phase === 'estimate' ? undefined : createProgress(phase, total);
          if (phase === 'estimate' && estimate) console.error('estimating m/u by EM on the loaded records …');
        },
        onProgress: (_phase, done) => bar?.update(done),
      },
    );
    bar?.stop();
    const base = path.join('eval-results', dataset.name.replace(/[^\w.-]+/g, '_'));
    const jsonPath = String(options.json ?? `${base}.json`);
    const mdPath = String(options.md ?? `${base}.md`);
    for (const file of [jsonPath, mdPath]) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(evaluationJson(result, handle.kind), null, 2)}\n`);
    writeFileSync(mdPath, evaluationMarkdown(result, handle.kind));
    console.log(evaluationSummaryLines(result, handle.kind).join('\n'));
    console.log(['', 'reliability (calibration per probability bucket):', ...reliabilityTableLines(result.quality.calibration)].join('\n'));
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
