// The import streams: a 60 MB CSV generated on the fly is dry-run imported in a child process
// (scripts/import-memory.ts) whose resident memory is sampled throughout. Holding the file or its rows
// would grow RSS by several hundred MB (60 MB of text plus ~240k parsed rows); streaming stays near the
// PGlite baseline. The bound leaves room for the engine's own working set, not for the file.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('import memory', () => {
  it('dry-runs a 60 MB CSV with RSS growth under 200 MB', async () => {
    const { stdout } = await run('npx', ['tsx', 'scripts/import-memory.ts', '--mb', '60', '--max-growth-mb', '200'], { timeout: 300_000 });
    const rows = Number(/, (\d+) rows \(/.exec(stdout)?.[1]);
    const growth = Number(/growth (\d+) MB/.exec(stdout)?.[1]);
    expect(rows).toBeGreaterThan(200_000);
    expect(growth).toBeLessThan(200);
  }, 320_000);
});
