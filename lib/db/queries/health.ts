// Cheap database probes for /health.
import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { queryRows } from '../rows';

export async function extensionVersions(db: Database): Promise<Record<string, string>> {
  const rows = await queryRows<{ extname: string; extversion: string }>(
    db,
    sql`select extname, extversion from pg_extension where extname in ('vector', 'pg_trgm', 'fuzzystrmatch')`,
  );
  return Object.fromEntries(rows.map((row) => [row.extname, row.extversion]));
}

export async function serverVersion(db: Database): Promise<string> {
  const rows = await queryRows<{ server_version: string }>(db, sql`show server_version`);
  return rows[0]?.server_version ?? 'unknown';
}
