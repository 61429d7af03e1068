// What every use case needs to run: a database, who is acting, and the request it belongs to.
import type { Database } from '../db/client';
import type { ReadRouter } from '../db/read-routing';

export interface ServiceContext {
  db: Database;
  /** Where read-only queries may go instead of db (a streaming replica); unset → db. */
  reads?: ReadRouter;
  actor: string;
  requestId?: string;
}

/**
 * The database for a read-only query that tolerates a replica (candidate search, customer search, the
 * directory). Inside a transaction (db is not the primary the router was made for) the transaction reads.
 */
export async function readDatabase(ctx: ServiceContext): Promise<Database> {
  if (!ctx.reads || ctx.db !== ctx.reads.primary) return ctx.db;
  return ctx.reads.reader();
}
