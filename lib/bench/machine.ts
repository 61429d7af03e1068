// The facts a bench result is only comparable with: CPU, cores, memory, load, Node and the database versions.
import os from 'node:os';
import type { Database } from '../db/client';
import { serverVersions } from '../db/queries/bench';

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  /** 1-minute load average at the start: other jobs on a shared machine make every time slower. */
  loadAverageAtStart: number;
  node: string;
  platform: string;
  database: 'pglite' | 'postgres';
  postgres: string;
  pgvector: string | null;
}

export async function machineFacts(db: Database, database: MachineFacts['database']): Promise<MachineFacts> {
  const versions = await serverVersions(db);
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: Math.round(os.loadavg()[0] * 100) / 100,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    database,
    postgres: versions.postgres,
    pgvector: versions.pgvector,
  };
}
