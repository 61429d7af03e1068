// npm run db:migrate — apply the SQL migrations in drizzle/ to the configured database
// (DATABASE_URL / POSTGRES_* → PostgreSQL, otherwise the embedded PGlite at PGLITE_DATA_DIR).
import { databaseTarget } from '../lib/env';
import { openDatabase } from '../lib/db/client';
import { migrateDatabase, MIGRATIONS_FOLDER } from '../lib/db/migrate';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm run db:migrate

Applies every pending migration from ${MIGRATIONS_FOLDER} to the configured database.
  DATABASE_URL or POSTGRES_HOST set → that PostgreSQL (pgvector must be installed: scripts/setup-postgres.sh)
  otherwise                         → embedded PGlite at PGLITE_DATA_DIR (default ./data/pglite)
The app also migrates automatically on start; stop it first when using PGlite (one process per data dir).`);
  process.exit(0);
}

async function main() {
  const target = databaseTarget();
  const where = target.kind === 'pglite' ? `PGlite at ${target.dataDir}` : 'PostgreSQL';
  const handle = await openDatabase(target);
  try {
    await migrateDatabase(handle);
    console.log(`Migrations applied to ${where}.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
