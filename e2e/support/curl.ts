// Runs a documented curl command exactly as a user would type it, with $BASE set to the test server.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The command's stdout parsed as JSON; curl's exit status must be 0 (connection and transfer succeeded). */
export async function curlJson(command: string, base: string): Promise<unknown> {
  if (new URL(base).hostname !== '127.0.0.1') throw new Error(`curl examples only run against the local test server, not ${base}`);
  const { stdout } = await run('bash', ['-c', command], { env: { ...process.env, BASE: base }, timeout: 30_000, maxBuffer: 10 * 1024 * 1024 });
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`"${command.slice(0, 80)}…" did not print JSON: ${stdout.slice(0, 300)}`);
  }
}
