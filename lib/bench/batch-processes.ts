// Batch matching rate with 1..n `npm run match -- --pending` processes draining one queue at once
// (rows are claimed with SKIP LOCKED), each a separate child the bench starts and waits for.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { BatchMatchSummary } from '../services/batch-matching';

export interface BatchRateResult {
  processes: number;
  processed: number;
  failed: number;
  /** From the first start to the last exit, including each process's start-up (compile, connect, migrate). */
  wallMs: number;
  /** The slowest process's own matching time: the rate a long-running worker reaches. */
  matchMs: number;
  perSecond: number;
}

function runMatchProcess(environment: Record<string, string>): Promise<BatchMatchSummary> {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['scripts/match.ts', '--pending', '--json'], { env: { ...process.env, ...environment, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
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

export async function measureBatchRate(processes: number, environment: Record<string, string>): Promise<BatchRateResult> {
  const started = performance.now();
  const summaries = await Promise.all(Array.from({ length: processes }, () => runMatchProcess(environment)));
  const wallMs = performance.now() - started;
  const processed = summaries.reduce((sum, summary) => sum + summary.processed, 0);
  const matchMs = Math.max(...summaries.map((summary) => summary.elapsedMs));
  return { processes, processed, failed: summaries.reduce((sum, summary) => sum + summary.failed, 0), wallMs, matchMs, perSecond: processed / Math.max(0.001, matchMs / 1000) };
}
