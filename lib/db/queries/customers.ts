// Queries on the customers aggregate. Every list is keyset-paginated and bounded.
import { and, asc, desc, eq, gt, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { noteCustomerWrite } from '../read-routing';
import { escapeLike } from '../rows';
import { customers, type Customer, type NewCustomer } from '../schema';

export async function insertCustomer(db: Database, values: NewCustomer): Promise<Customer> {
  const [row] = await db.insert(customers).values(values).returning();
  noteCustomerWrite();
  return row;
}

/** Many rows in one statement, ids returned in input order. */
export async function insertCustomers(db: Database, values: NewCustomer[]): Promise<Array<{ id: number }>> {
  if (values.length === 0) return [];
  const rows = await db.insert(customers).values(values).returning({ id: customers.id });
  noteCustomerWrite();
  return rows;
}

export async function findCustomerById(db: Database, id: number): Promise<Customer | undefined> {
  const [row] = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
  return row;
}

/** The customers with these ids, in no particular order; ids that do not exist are left out. */
export async function findCustomersByIds(db: Database, ids: number[]): Promise<Customer[]> {
  if (ids.length === 0) return [];
  return db.select().from(customers).where(inArray(customers.id, ids));
}

export interface CustomerFilter {
  limit: number;
  cursor?: number;
  q?: string;
  city?: string;
  country?: string;
  industry?: string;
}

/** One page of customers in id order, plus one extra row to know whether there is a next page. */
export async function listCustomers(db: Database, filter: CustomerFilter): Promise<{ rows: Customer[]; hasMore: boolean }> {
  const conditions: SQL[] = [];
  if (filter.cursor !== undefined) conditions.push(gt(customers.id, filter.cursor));
  if (filter.q) conditions.push(ilike(customers.searchText, `%${escapeLike(filter.q.toLowerCase())}%`));
  if (filter.city) conditions.push(sql`lower(${customers.city}) = ${filter.city.toLowerCase()}`);
  if (filter.country) conditions.push(sql`lower(${customers.country}) = ${filter.country.toLowerCase()}`);
  if (filter.industry) conditions.push(sql`lower(${customers.industry}) = ${filter.industry.toLowerCase()}`);
  const rows = await db
    .select()
    .from(customers)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(customers.id))
    .limit(filter.limit + 1);
  return { rows: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
}

/** Sort keys of the directory, each backed by a b-tree index (see schema.ts) so a page is an index range. */
const DIRECTORY_SORT_COLUMNS = {
  company_name: customers.companyName,
  city: customers.city,
  country: customers.country,
  created_at: customers.createdAt,
} as const;

export interface CustomerPageQuery {
  q?: string;
  sort: keyof typeof DIRECTORY_SORT_COLUMNS;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * One numbered page of customers for the directory, in the chosen order, with the total for the pager.
 * The text filter is a substring of the search text (trigram GIN index); id breaks ties so pages are stable.
 */
export async function pageCustomers(db: Database, query: CustomerPageQuery): Promise<{ rows: Customer[]; total: number }> {
  const where = query.q ? ilike(customers.searchText, `%${escapeLike(query.q.toLowerCase())}%`) : undefined;
  const order = query.direction === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(where)
      .orderBy(order(DIRECTORY_SORT_COLUMNS[query.sort]), order(customers.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(customers).where(where),
  ]);
  return { rows, total };
}

export async function updateCustomerRow(db: Database, id: number, values: Partial<NewCustomer>): Promise<Customer | undefined> {
  const [row] = await db.update(customers).set({ ...values, updatedAt: sql`now()` }).where(eq(customers.id, id)).returning();
  noteCustomerWrite();
  return row;
}

export async function deleteCustomerRow(db: Database, id: number): Promise<boolean> {
  const rows = await db.delete(customers).where(eq(customers.id, id)).returning({ id: customers.id });
  noteCustomerWrite();
  return rows.length > 0;
}

/** Refreshes planner statistics after a bulk load. */
export async function analyzeCustomers(db: Database): Promise<void> {
  await db.execute(sql`analyze customers`);
}

export async function countCustomers(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(customers);
  return row.count;
}
