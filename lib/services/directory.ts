// The customers directory: numbered, sorted, filtered pages of customers, and one customer's match history.
import 'server-only';
import { pageCustomers } from '../db/queries/customers';
import { listMatchesForCustomer, type MatchWithIncoming } from '../db/queries/matches';
import type { Customer } from '../db/schema';
import type { DirectoryParams } from '../schemas/directory';
import { readDatabase, type ServiceContext } from './context';

// Pages and components name the stored rows through this service, never through the database module.
export type { MatchWithIncoming };

export interface DirectoryPage {
  customers: Customer[];
  total: number;
  /** The page shown: the one asked for, or the last one when the filter left fewer pages. */
  page: number;
  pageCount: number;
  size: number;
}

export async function browseCustomers(ctx: ServiceContext, params: Pick<DirectoryParams, 'q' | 'sort' | 'dir' | 'page' | 'size'>): Promise<DirectoryPage> {
  const query = { q: params.q, sort: params.sort, direction: params.dir, limit: params.size };
  let page = params.page;
  const db = await readDatabase(ctx);
  let { rows, total } = await pageCustomers(db, { ...query, offset: (page - 1) * params.size });
  const pageCount = Math.max(1, Math.ceil(total / params.size));
  if (rows.length === 0 && page > pageCount) {
    // A bookmarked page past the end (the filter or the table shrank): show the last page instead of nothing.
    page = pageCount;
    ({ rows, total } = await pageCustomers(db, { ...query, offset: (page - 1) * params.size }));
  }
  return { customers: rows, total, page, pageCount, size: params.size };
}

/** How many matches the detail page lists, newest first; it says so when there are older ones. */
export const MATCH_HISTORY_LIMIT = 50;

export async function customerMatchHistory(ctx: ServiceContext, customerId: number): Promise<{ matches: MatchWithIncoming[]; hasMore: boolean }> {
  const { rows, hasMore } = await listMatchesForCustomer(ctx.db, customerId, MATCH_HISTORY_LIMIT);
  return { matches: rows, hasMore };
}
