// What every use case needs to run: a database, who is acting, and the request it belongs to.
import type { Database } from '../db/client';

export interface ServiceContext {
  db: Database;
  actor: string;
  requestId?: string;
}
