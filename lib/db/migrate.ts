// Where the generated SQL migrations live; applied from code by DatabaseHandle.migrate on PGlite and PostgreSQL.
import path from 'node:path';
import type { DatabaseHandle } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  await handle.migrate(migrationsFolder);
}
