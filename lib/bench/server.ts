// `next start` on a free local port against the bench database, for the HTTP latency runs. The bench
// owns the child: it waits for /api/v1/health, samples its memory and CPU, and stops it by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { cpuSeconds, processTree, rssBytes } from './proc';

export interface RunningServer {
  url: string;
  pid: number;
  rssBytes(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** A port nobody listens on right now, from the kernel (bound to 127.0.0.1 and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

/** environment: the variables that select the database and auth for the server (the rest is inherited). */
export async function startServer(environment: Record<string, string>, timeoutMs = 180_000): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...environment, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // next start may run its server in a child process: stop every process the bench started, by pid.
    for (const pid of processTree(child.pid!).reverse()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilServing(url, child, timeoutMs, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  const pid = child.pid!;
  return { url, pid, rssBytes: () => rssBytes(processTree(pid)), cpuSeconds: () => cpuSeconds(processTree(pid)), stop };
}
