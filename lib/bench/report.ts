// A bench result as Markdown tables (printed and written beside the JSON), with the issue's targets.
import { NEAR_SIMILARITY } from './recall';
import type { LatencySummary } from './stats';
import type { BenchResult, BenchSettings } from './result';

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const int = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : Math.round(value).toLocaleString('en-US'));
const mib = (bytes: number | null | undefined) => (bytes == null ? '–' : `${(bytes / 1024 ** 2).toFixed(0)} MiB`);
const kib = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KiB`);
const pcts = (summary: LatencySummary | undefined) => (summary ? `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)}` : '–');
const table = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];

function headline(result: BenchResult): string[][] {
  const { import: load, storage, engine, naive, batch, http, recall } = result;
  const rows: string[][] = [];
  if (load) {
    rows.push(['import rate before the index build', load.reused ? 'reused' : `${int(load.rowsPerSecond)} rows/s (${int(load.rowsPerSecondOverall)} with it)`, '≥ 5,000 rows/s']);
    const hnswMs = load.hnswBuildMs ?? load.indexBuildMs;
    rows.push(['HNSW build (both indexes)', load.reused ? 'reused' : `${(hnswMs / 1000).toFixed(1)} s`, '≤ 60 s at 100k']);
    if (load.hnswBuildMs !== undefined && !load.reused) rows.push(['other indexes (trigram, B-tree) built after the load', `${((load.indexBuildMs - load.hnswBuildMs) / 1000).toFixed(1)} s`, '–']);
  }
  if (storage) rows.push(['database size, per customer', `${mib(storage.databaseBytes)}, ${kib(storage.bytesPerCustomer)}`, '≤ 12 KB per customer']);
  if (engine) {
    rows.push(['engine only, per record p50 / p95 / p99 (ms)', pcts(engine.total), '–']);
    const share = (value: number) => `${(value * 100).toFixed(1)}%`;
    rows.push([`true customer among the candidates / ranked first (${engine.truth.records} records that are a customer)`, `${share(engine.truth.foundAmongCandidates)} / ${share(engine.truth.rankedFirst)}`, 'unchanged by speed-ups']);
  }
  for (const run of http ?? []) rows.push([`HTTP submit + match, ${run.concurrency} client(s): p50 / p95 / p99 (ms), records/s`, `${pcts(run.latency)}, ${run.perSecond.toFixed(1)}/s`, result.settings.db === 'pglite' ? 'p95 ≤ 150 ms (PGlite)' : 'p95 ≤ 50 ms']);
  for (const run of batch ?? []) rows.push([`batch match, ${run.processes} process(es)`, `${run.perSecond.toFixed(1)} incoming/s`, '≥ 200/s (aim 500)']);
  if (recall) {
    const atDefault = recall.curves
      .map((curve) => {
        const ef = efSearchOf(result.settings, curve.column);
        return `${curve.column.split('_')[0]} ${(curve.points.find((point) => point.efSearch === ef)?.recall ?? Number.NaN).toFixed(4)} at ${ef}`;
      })
      .join(', ');
    rows.push(['nearest-neighbour recall at the ef_search in force', atDefault, `≥ ${recall.target}`]);
    rows.push(['smallest ef_search with that recall on both', recall.chosenEfSearch === null ? 'none measured' : String(recall.chosenEfSearch), '–']);
  }
  if (naive && engine) {
    rows.push([`naive: score every customer (measured on ${int(naive.customersScored)}, projected to the table)`, `${ms(naive.projectedMsAtTableSize)} ms per record, ${(naive.projectedMsAtTableSize / engine.total.p50).toFixed(0)}× the engine p50`, '–']);
  }
  const exact = recall?.curves[0];
  const hnsw = exact?.points.find((point) => point.efSearch === efSearchOf(result.settings, exact.column));
  if (exact && hnsw) rows.push(['exact vector scan vs HNSW (name, p50 ms)', `${ms(exact.exactLatency.p50)} vs ${ms(hnsw.latency.p50)}: ${(exact.exactLatency.p50 / hnsw.latency.p50).toFixed(1)}×`, '–']);
  if (result.search) rows.push(['search (in-process) p50 / p95 / p99 (ms)', pcts(result.search), '–']);
  if (result.serverRssIdleBytes) rows.push(['server RSS idle → after load', `${mib(result.serverRssIdleBytes)} → ${mib(Math.max(...(http ?? []).map((run) => run.serverRssBytes)))}`, '–']);
  return rows;
}

export function markdownReport(result: BenchResult): string {
  const { machine, settings } = result;
  const lines = [
    `# npm run bench — ${settings.db}${settings.readReplica ? ' with a read replica' : ''}, ${int(settings.customers)} customers (${result.startedAt})`,
    '',
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load average ${machine.loadAverageAtStart} at start · Node ${machine.node} · PostgreSQL ${machine.postgres} · pgvector ${machine.pgvector ?? '–'}`,
    `Settings: ${settings.incoming} incoming, seed ${settings.seed}, ef_search name ${settings.efSearch.name} / profile ${settings.efSearch.profile}, HNSW top-k ${settings.hnswTopK}, import batch ${settings.importBatchSize}, index build memory ${settings.indexBuildMemoryMb} MB.`,
    '',
    ...table(['measure', 'value', 'target (issue 18)'], headline(result)),
  ];
  if (result.engine) {
    const { engine } = result;
    lines.push('', `## Where one match spends its time (engine only, ${engine.records} records, ms; median ${ms(engine.candidates.p50)} candidates, p95 ${ms(engine.candidates.p95)}; results digest ${engine.resultDigest})`, '');
    const stageRows = Object.entries(engine.stages).map(([stage, summary]) => [stage, ms(summary.mean), pcts(summary)]);
    lines.push(...table(['stage', 'mean', 'p50 / p95 / p99'], [...stageRows, ['total', ms(engine.total.mean), pcts(engine.total)], ['(submit) keys + local embeddings', ms(engine.derive.mean), pcts(engine.derive)]]));
  }
  if (result.http?.length) {
    lines.push('', '## HTTP: POST /api/v1/customers/incoming?match=true', '');
    lines.push(
      ...table(
        ['clients', 'requests', 'failed', 'p50 / p95 / p99 ms', 'match inside (processing_time_ms) p50 / p95', 'records/s', 'CPU cores: server / PostgreSQL', 'CPU ms per record: server / PostgreSQL', 'auth'],
        result.http.map((run) => [
          String(run.concurrency), String(run.requests), String(run.failed), pcts(run.latency), `${ms(run.matchProcessing.p50)} / ${ms(run.matchProcessing.p95)}`, run.perSecond.toFixed(1),
          `${run.serverCpuCores.toFixed(2)} / ${run.postgresCpuCores === null ? '–' : run.postgresCpuCores.toFixed(2)}`,
          `${ms(run.cpuMsPerRecord.server)} / ${ms(run.cpuMsPerRecord.database ?? undefined)}`, run.auth,
        ]),
      ),
    );
  }
  if (result.recall) {
    lines.push('', `## Nearest-neighbour recall (top ${settings.hnswTopK}) against an exact scan, ${result.recall.curves[0]?.queries ?? 0} queries`, '');
    const rows = result.recall.curves.flatMap((curve) => [
      [curve.column, 'exact', '1', '1', '1', pcts(curve.exactLatency)],
      ...curve.points.map((point) => [curve.column, String(point.efSearch), point.recall.toFixed(4), point.perfectShare.toFixed(2), Number.isNaN(point.nearRecall) ? '–' : point.nearRecall.toFixed(4), pcts(point.latency)]),
    ]);
    lines.push(...table(['column', 'ef_search', `recall@${settings.hnswTopK}`, 'queries all found', `recall of neighbours with cosine ≥ ${NEAR_SIMILARITY}`, 'latency p50 / p95 / p99 ms'], rows));
  }
  if (result.batch?.length) {
    lines.push('', '## Batch matching (`npm run match -- --pending` processes on one queue)', '');
    lines.push(
      ...table(
        ['processes', 'processed', 'failed', 'matching s', 'wall s (with start-up)', 'incoming/s', 'CPU ms per record: processes (with start-up) / PostgreSQL'],
        result.batch.map((run) => [String(run.processes), String(run.processed), String(run.failed), (run.matchMs / 1000).toFixed(1), (run.wallMs / 1000).toFixed(1), run.perSecond.toFixed(1), `${ms(run.cpuMsPerRecord.processes)} / ${ms(run.cpuMsPerRecord.database ?? undefined)}`]),
      ),
    );
  }
  if (result.storage) {
    const { storage } = result;
    lines.push('', `Storage: database ${mib(storage.databaseBytes)}, customers table ${mib(storage.customersTableBytes)}, its indexes ${mib(storage.customersIndexBytes)} (HNSW ${mib(storage.vectorIndexBytes)})${storage.directoryBytes !== null ? `, PGlite directory ${mib(storage.directoryBytes)}` : ''}.`);
  }
  lines.push('', '## Steps', '', ...table(['step', 'seconds', 'note'], result.steps.map((entry) => [entry.step, (entry.ms / 1000).toFixed(1), entry.note ?? ''])));
  if (result.notes.length) lines.push('', ...result.notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}

/** The ef_search the product uses on a column (older results hold one number for both). */
function efSearchOf(settings: BenchSettings, column: string): number {
  const ef = settings.efSearch as BenchSettings['efSearch'] | number;
  if (typeof ef === 'number') return ef;
  return column === 'company_name_embedding' ? ef.name : ef.profile;
}
