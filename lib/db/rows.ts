// Raw SQL with typed rows, the same on PGlite and node-postgres (both drivers return { rows }).
import type { SQL } from 'drizzle-orm';
import type { Database } from './client';

/** Escapes LIKE/ILIKE wildcards so user text matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A name as a double-quoted SQL identifier, for the few statements built as text (DDL, COPY). */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

export async function queryRows<Row>(db: Pick<Database, 'execute'>, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
