// A bounded HTTP client for the bench: a fixed number of requests, at most `concurrency` in flight,
// to a local server only; per-request latency and the server's own processing time from the response.
import { summarize, type LatencySummary } from './stats';

export interface HttpLoadResult {
  concurrency: number;
  requests: number;
  failed: number;
  /** Status code → count, to tell throttling (429) or validation (422) from success. */
  statuses: Record<string, number>;
  latency: LatencySummary;
  /** processing_time_ms of the response: the match itself, measured inside the server. */
  matchProcessing: LatencySummary;
  perSecond: number;
  wallMs: number;
}

export interface HttpLoadOptions {
  url: string;
  bodies: ReadonlyArray<Record<string, unknown>>;
  concurrency: number;
  headers?: Record<string, string>;
  timeoutMs?: number;
  onProgress?: (done: number) => void;
}

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`the bench sends load to this machine only, not to ${host}`);
}

export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  assertLocal(options.url);
  const latencies: number[] = [];
  const processing: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const client = async () => {
    for (let index = next++; index < options.bodies.length; index = next++) {
      const sent = performance.now();
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers },
          body: JSON.stringify(options.bodies[index]),
          signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
        });
        const body = (await response.json().catch(() => null)) as { processing_time_ms?: number } | null;
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (!response.ok) failed += 1;
        else {
          latencies.push(performance.now() - sent);
          if (typeof body?.processing_time_ms === 'number') processing.push(body.processing_time_ms);
        }
      } catch {
        failed += 1;
        statuses.network = (statuses.network ?? 0) + 1;
      }
      options.onProgress?.(latencies.length + failed);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, client));
  const wallMs = performance.now() - started;
  return {
    concurrency: options.concurrency,
    requests: options.bodies.length,
    failed,
    statuses,
    latency: summarize(latencies),
    matchProcessing: summarize(processing),
    perSecond: latencies.length / (wallMs / 1000),
    wallMs,
  };
}
