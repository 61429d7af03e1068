// A `next start` of the built app for the fault tests, on its own port and database, started and stopped
// by the test itself (the shared e2e servers of playwright.config.ts stay as they are).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';

export interface AppServer {
  baseURL: string;
  stop(): Promise<void>;
}

export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer> {
  const child: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, LOG_LEVEL: 'warn', AUTH_MODE: 'open', RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited at start: ${stderr}`);
    const ok = await fetch(`${baseURL}/api/v1/health`).then((response) => response.status < 500, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the app did not answer /health within 120 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseURL,
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * POST JSON over a bounded connection pool: requests beyond `agent`'s sockets wait in the client, as behind
 * a load balancer, instead of overflowing the server's accept queue.
 */
export function postJson(url: string, body: unknown, agent: http.Agent): Promise<{ status: number; body: unknown }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}
