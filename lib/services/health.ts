// Health report: database connectivity and pgvector version, embedding provider, version, time. Never calls a paid API.
import { extensionVersions, serverVersion } from '../db/queries/health';
import { env } from '../env';
import packageJson from '../../package.json' with { type: 'json' };
import type { Database, DatabaseKind } from '../db/client';
import { getDatabaseHandle } from '../db';
import { ensureReady } from './bootstrap';
import { vectorIndexProblems } from './vector-index-health';

export const APP_VERSION: string = packageJson.version;

export interface HealthReport {
  /** degraded: serving, but something makes it slow or partial (see problems). */
  status: 'healthy' | 'degraded' | 'unhealthy';
  problems: string[];
  timestamp: string;
  version: string;
  database_connected: boolean;
  openai_connected: boolean;
  database: { status: 'ok' | 'error'; kind: DatabaseKind | 'unknown'; server_version?: string; pgvector_version?: string; extensions?: Record<string, string>; message?: string };
  embedding_provider: { name: string; configured: boolean };
}

function embeddingProviderStatus() {
  const config = env();
  const name = config.EMBEDDING_PROVIDER;
  const configured =
    name === 'local' || (name === 'openai' && Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL)) || (name === 'azure' && Boolean(config.AZURE_OPENAI_ENDPOINT));
  return { name, configured };
}

export async function checkHealth(open: () => Promise<{ db: Database; kind: DatabaseKind }>): Promise<HealthReport> {
  const base = { timestamp: new Date().toISOString(), version: APP_VERSION, openai_connected: false, embedding_provider: embeddingProviderStatus() };
  try {
    const { db, kind } = await open();
    const [extensions, server, problems] = await Promise.all([extensionVersions(db), serverVersion(db), vectorIndexProblems(db)]);
    return {
      ...base,
      status: problems.length ? 'degraded' : 'healthy',
      problems,
      database_connected: true,
      database: { status: 'ok', kind, server_version: server, pgvector_version: extensions.vector, extensions },
    };
  } catch {
    return { ...base, status: 'unhealthy', problems: ['database unreachable'], database_connected: false, database: { status: 'error', kind: 'unknown', message: 'database unreachable' } };
  }
}

/** The running app's health: starts the app if needed (its database and migrations). */
export function appHealth(): Promise<HealthReport> {
  return checkHealth(async () => {
    await ensureReady();
    return getDatabaseHandle();
  });
}
