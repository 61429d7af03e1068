// npm start, serve and dev listen on loopback unless HOST says otherwise: in open mode anyone who can connect
// has every scope. The scripts run under sh as npm runs them, with `next` replaced by echo.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

function serverCommand(name: string, host?: string): string {
  const command = scripts[name].replace(/\bnext (build|start|dev)\b/g, 'echo next $1');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'test', ...(host === undefined ? {} : { HOST: host }) };
  const output = execFileSync('sh', ['-c', command], { env, encoding: 'utf8' });
  return output.split('\n').find((line) => /^next (start|dev)/.test(line)) ?? '';
}

describe.each(['start', 'serve', 'dev'])('npm run %s', (name) => {
  it('binds 127.0.0.1 when HOST is unset', () => {
    expect(serverCommand(name)).toMatch(/ -H 127\.0\.0\.1$/);
  });
  it('binds where HOST says', () => {
    expect(serverCommand(name, '0.0.0.0')).toMatch(/ -H 0\.0\.0\.0$/);
    expect(serverCommand(name, '::1')).toMatch(/ -H ::1$/);
  });
});
