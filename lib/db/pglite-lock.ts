// PGlite allows one process per data directory; a second one corrupts it. A pid lock file turns that
// into a clear error instead.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, '.customer-matching.lock');
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (holder !== process.pid && Number.isInteger(holder) && isAlive(holder)) {
      throw new Error(
        `The embedded database at ${dataDir} is in use by process ${holder}. Stop that process (for example the running app) ` +
          'or point this command at another PGLITE_DATA_DIR, or use PostgreSQL via DATABASE_URL.',
      );
    }
    // A stale lock from a process that died: take it over.
    writeFileSync(lockPath, String(process.pid));
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    rmSync(lockPath, { force: true });
  };
  // A normal exit removes the lock; a killed process leaves a stale one, which the next opener takes over.
  process.on('exit', release);
  return { release };
}
