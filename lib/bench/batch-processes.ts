// Batch matching rate with 1..n `npm run match -- --pending` processes draining one queue at once
// (rows are claimed with SKIP LOCKED), each a separate child the bench starts and waits for.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { BatchMatchSummary } from '../services/batch-matching';
import { CpuMeter, processTree } from './proc';

export interface BatchRateResult {
  processes: number;
  processed: number;
  failed: number;
  /** From the first start to the last exit, including each process's start-up (compile, connect, migrate). */
  wallMs: number;
  /** The slowest process's own matching time: the rate a long-running worker reaches. */
  matchMs: number;
  perSecond: number;
  /** CPU of the match processes (start-up included) and of their database backends (null on PGlite), per record. */
  cpuMsPerRecord: { processes: number; database: number | null };
}

function runMatchProcess(environment: Record<string, string>, onStart: (pid: number) => void): Promise<BatchMatchSummary> {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['scripts/match.ts', '--pending', '--json'], { env: { ...process.env, ...environment, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid) onStart(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
    child.once('error', reject);
    child.once('exit', (code) => {
      // Exit 2 = some records failed; the summary still says how many.
      if (code !== 0 && code !== 2) return reject(new Error(`npm run match exited with ${code}: ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as BatchMatchSummary);
      } catch {
        reject(new Error(`npm run match printed no JSON summary: ${stdout.slice(0, 500)} ${stderr}`));
      }
    });
  });
}

/** databasePids: the backends serving the processes (PostgreSQL), for their CPU. */
export async function measureBatchRate(processes: number, environment: Record<string, string>, databasePids?: () => Promise<number[]>): Promise<BatchRateResult> {
  const children: number[] = [];
  const processCpu = new CpuMeter(async () => children.flatMap((pid) => processTree(pid)));
  const databaseCpu = databasePids ? new CpuMeter(databasePids) : null;
  await processCpu.start();
  await databaseCpu?.start();
  const started = performance.now();
  const summaries = await Promise.all(Array.from({ length: processes }, () => runMatchProcess(environment, (pid) => children.push(pid))));
  const wallMs = performance.now() - started;
  const processed = summaries.reduce((sum, summary) => sum + summary.processed, 0);
  const matchMs = Math.max(...summaries.map((summary) => summary.elapsedMs));
  const perRecord = (seconds: number) => (seconds * 1000) / Math.max(1, processed);
  const databaseSeconds = databaseCpu ? await databaseCpu.stop() : null;
  return {
    processes,
    processed,
    failed: summaries.reduce((sum, summary) => sum + summary.failed, 0),
    wallMs,
    matchMs,
    perSecond: processed / Math.max(0.001, matchMs / 1000),
    cpuMsPerRecord: { processes: perRecord(await processCpu.stop()), database: databaseSeconds === null ? null : perRecord(databaseSeconds) },
  };
}
