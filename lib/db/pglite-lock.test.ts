import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './pglite-lock';

describe('acquireDataDirLock', () => {
  it('refuses a data dir held by another live process, naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cm-lock-'));
    // The parent process (the test runner's parent) is alive and is not us.
    writeFileSync(path.join(dir, '.customer-matching.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it('takes over a stale lock and releases it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cm-lock-'));
    const lockFile = path.join(dir, '.customer-matching.lock');
    writeFileSync(lockFile, '999999999');
    const lock = acquireDataDirLock(dir);
    expect(existsSync(lockFile)).toBe(true);
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });
});
