// The out-of-process measures of a bench run: `npm run match` processes draining a queue of incoming
// records, and submit + match over HTTP against `next start`, with the server's memory and CPU.
import { createReadStream, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createProgress } from '../cli/progress';
import { otherBackendPids } from '../db/queries/bench';
import { createApiKey } from '../services/api-keys';
import { importRecords } from '../services/import';
import { apiBody } from './api-body';
import { measureBatchRate } from './batch-processes';
import { runHttpLoad } from './http-load';
import { CpuMeter, processTree } from './proc';
import type { HttpMeasure } from './result';
import { step, type BenchRun } from './run-context';
import { startServer } from './server';

async function queueIncoming(run: BenchRun, sourceSystem: string): Promise<void> {
  const handle = await run.database.open();
  try {
    const summary = await importRecords({ db: handle.db, actor: 'cli:bench' }, createReadStream(run.incomingCsv), { target: 'incoming', format: 'csv', sourceSystem });
    if (summary.inserted !== run.incoming.length) run.result.notes.push(`queued ${summary.inserted} of ${run.incoming.length} incoming records for ${sourceSystem}`);
  } finally {
    await handle.close();
  }
}

/** The PostgreSQL backends of the bench database (not the observer's own), for their CPU; none on PGlite. */
async function databaseObserver(run: BenchRun): Promise<{ pids?: () => Promise<number[]>; close(): Promise<void> }> {
  if (run.database.kind !== 'postgres') return { close: async () => undefined };
  const handle = await run.database.open();
  return { pids: () => otherBackendPids(handle.db), close: () => handle.close() };
}

export async function measureBatch(run: BenchRun): Promise<void> {
  const { options, result } = run;
  result.batch = [];
  for (const processes of options.processes) {
    if (processes > 1 && options.db === 'pglite') {
      result.notes.push(`batch matching with ${processes} processes: not possible on PGlite (one process holds the data directory)`);
      continue;
    }
    await step(result, `batch match, ${processes} process${processes > 1 ? 'es' : ''}`, async () => {
      await queueIncoming(run, `bench-batch-${options.runId}-p${processes}`);
      const observer = await databaseObserver(run);
      try {
        result.batch!.push(await measureBatchRate(processes, run.database.environment, observer.pids));
      } finally {
        await observer.close();
      }
    });
  }
}

function ensureBuild(): string | void {
  if (existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) return;
  const build = spawnSync(process.execPath, [path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  return 'built the production bundle first (no .next/BUILD_ID)';
}

export async function measureHttp(run: BenchRun): Promise<void> {
  const { options, result } = run;
  if (options.httpRequests === 0) return;
  await step(result, 'next build (when missing)', async () => ensureBuild());
  let headers: Record<string, string> = {};
  let auth: HttpMeasure['auth'] = 'open';
  if (run.database.kind === 'postgres') {
    // next start on PostgreSQL requires keys by default (AUTH_MODE unset, NODE_ENV=production): measure that.
    const handle = await run.database.open();
    const { key } = await createApiKey(handle.db, `bench-${options.runId}`, ['read', 'write']);
    await handle.close();
    headers = { authorization: `Bearer ${key}` };
    auth = 'api-key';
  }
  const server = await startServer({ ...run.database.environment, RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000', SEED_DEMO_DATA: 'false' });
  const observer = await databaseObserver(run);
  result.http = [];
  try {
    const url = `${server.url}/api/v1/customers/incoming?match=true`;
    const bodies = (label: string, count: number) => Array.from({ length: count }, (_, i) => apiBody(run.incoming[i % run.incoming.length], 'bench-http', `${options.runId}-${label}-${i}`));
    await runHttpLoad({ url, bodies: bodies('warmup', 10), concurrency: 1, headers });
    result.serverRssIdleBytes = server.rssBytes();
    for (const concurrency of options.httpConcurrency) {
      await step(result, `HTTP submit + match, ${concurrency} client${concurrency > 1 ? 's' : ''}`, async () => {
        const bar = createProgress(`http c=${concurrency}`, options.httpRequests);
        const serverCpu = new CpuMeter(async () => processTree(server.pid));
        const databaseCpu = observer.pids ? new CpuMeter(observer.pids) : null;
        await serverCpu.start();
        await databaseCpu?.start();
        const load = await runHttpLoad({ url, bodies: bodies(`c${concurrency}`, options.httpRequests), concurrency, headers, onProgress: (done) => bar.update(done) });
        bar.stop();
        const seconds = load.wallMs / 1000;
        const served = Math.max(1, load.requests - load.failed);
        const [serverSeconds, databaseSeconds] = [await serverCpu.stop(), databaseCpu ? await databaseCpu.stop() : null];
        result.http!.push({
          ...load,
          serverRssBytes: server.rssBytes(),
          serverCpuCores: serverSeconds / seconds,
          postgresCpuCores: databaseSeconds === null ? null : databaseSeconds / seconds,
          cpuMsPerRecord: { server: (serverSeconds * 1000) / served, database: databaseSeconds === null ? null : (databaseSeconds * 1000) / served },
          auth,
        });
      });
    }
  } finally {
    await observer.close();
    await server.stop();
  }
}
