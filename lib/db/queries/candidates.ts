// Candidate generation (blocking): the union of exact normalised keys, trigram similarity on the core
// name and HNSW nearest neighbours on both embeddings, looked up among customers and among the source
// records already linked to a customer (found as that customer: the linked_record channel). Every branch
// is an index lookup with a limit — never a full scan — and the union is capped. The channels are the
// model's (lib/matching/model.ts).
import { getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { CandidateChannel } from '../../matching/model';
import { isPool, type Database } from '../client';
import { queryRows } from '../rows';
import { customers, type Customer } from '../schema';

export type { CandidateChannel } from '../../matching/model';

/** Prefix of date-of-birth keys stored beside identifier keys (one GIN index serves both channels). */
export const DATE_OF_BIRTH_KEY_PREFIX = 'dob:';

/** The normalised keys stored on each record and looked up exactly. */
export interface CandidateKeys {
  emailNormalized: string | null;
  emailDomain: string | null;
  phoneE164: string | null;
  websiteDomain: string | null;
  postalCodeNormalized: string | null;
  streetNumber: string | null;
  nameNormalized: string | null;
  identifierKeys: string[] | null;
}

export interface CandidateSearch {
  keys: CandidateKeys;
  nameEmbedding: number[] | null;
  profileEmbedding: number[] | null;
  /** Customers never returned (e.g. the record itself when deduplicating). */
  excludeCustomerIds?: number[];
}

export interface CandidateLimits {
  exactTopK: number;
  trigramTopK: number;
  trigramThreshold: number;
  hnswTopK: number;
  /** hnsw.ef_search of each nearest-neighbour lookup. */
  efSearch: { name: number; profile: number };
  maxCandidates: number;
}

export interface CandidateSet {
  /** Customer id → the channels that found it, in the order found. */
  channels: Map<number, CandidateChannel[]>;
  /** Customer id → the incoming records linked to it through which it was found (linked_record channel). */
  linkedVia: Map<number, number[]>;
  /** True when the union was larger than maxCandidates and was cut. */
  capped: boolean;
}

interface CandidateHit {
  id: number | string;
  channel: CandidateChannel;
  /** The linked incoming record that found the customer; null for a customer's own record. */
  via: number | string | null;
}

/**
 * Where a lookup runs: the customers themselves, or the incoming records resolved onto a customer (the
 * same key columns and embeddings; partial indexes WHERE resolved_customer_id IS NOT NULL keep it small).
 */
interface LookupTarget {
  select: (channel: CandidateChannel) => SQL;
  where: (condition: SQL) => SQL;
  /** The trigram lookup on the normalised name, best first. */
  trigram: (name: string, limit: number) => SQL;
}

const CUSTOMERS: LookupTarget = {
  select: (channel) => sql`select id, ${channel}::text as channel, null::bigint as via from customers`,
  where: (condition) => sql`where ${condition}`,
  // On the narrow customer_names copy: a common word matches thousands of names, and rechecking them in
  // the wide customer rows read ~3,000 pages at 100k (85 ms), the narrow table a few dozen (47 ms).
  trigram: (name, limit) => sql`(select customer_id as id, ${'name_trigram' satisfies CandidateChannel}::text as channel, null::bigint as via from customer_names
      where name_normalized % ${name} order by similarity(name_normalized, ${name}) desc, customer_id limit ${limit})`,
};

const LINKED_RECORDS: LookupTarget = {
  select: () => sql`select resolved_customer_id as id, ${'linked_record' satisfies CandidateChannel}::text as channel, id as via from incoming_customers`,
  // "<> 0" (ids start at 1) proves the partial indexes' "is not null" but, unlike it, is no condition the plain
  // resolved_customer_id index can serve: the planner would read every linked record there and sort them.
  where: (condition) => sql`where resolved_customer_id <> 0 and ${condition}`,
  trigram: (name, limit) => sql`(${LINKED_RECORDS.select('name_trigram')} ${LINKED_RECORDS.where(sql`name_normalized % ${name}`)}
      order by similarity(name_normalized, ${name}) desc, id limit ${limit})`,
};

const vectorLiteral = (embedding: number[]) => sql`${`[${embedding.join(',')}]`}::vector`;

function exactKeyBranches(keys: CandidateKeys, limit: number, target: LookupTarget): SQL[] {
  const branches: SQL[] = [];
  const add = (channel: CandidateChannel, condition: SQL) => branches.push(sql`(${target.select(channel)} ${target.where(condition)} limit ${limit})`);
  // identifier_keys holds registry/document identifiers and, prefixed "dob:", exact dates of birth.
  const keyArray = (list: string[]) => sql`array[${sql.join(list.map((key) => sql`${key}`), sql`, `)}]::text[]`;
  const identifiers = (keys.identifierKeys ?? []).filter((key) => !key.startsWith(DATE_OF_BIRTH_KEY_PREFIX));
  const birthDates = (keys.identifierKeys ?? []).filter((key) => key.startsWith(DATE_OF_BIRTH_KEY_PREFIX));
  if (identifiers.length) add('identifier', sql`identifier_keys && ${keyArray(identifiers)}`);
  if (birthDates.length) add('date_of_birth', sql`identifier_keys && ${keyArray(birthDates)}`);
  if (keys.emailNormalized) add('email', sql`email_normalized = ${keys.emailNormalized}`);
  if (keys.phoneE164) add('phone', sql`phone_e164 = ${keys.phoneE164}`);
  // Company domain from the website or from a non-free-mail email address, matched against both columns.
  for (const domain of new Set([keys.websiteDomain, keys.emailDomain].filter((d): d is string => Boolean(d)))) {
    add('domain', sql`website_domain = ${domain}`);
    add('domain', sql`email_domain = ${domain}`);
  }
  if (keys.postalCodeNormalized && keys.streetNumber) {
    add('address', sql`postal_code_normalized = ${keys.postalCodeNormalized} and street_number = ${keys.streetNumber}`);
  }
  return branches;
}

function exactAndTrigramBranches(search: CandidateSearch, limits: CandidateLimits, target: LookupTarget): SQL[] {
  const branches = exactKeyBranches(search.keys, limits.exactTopK, target);
  if (search.keys.nameNormalized) branches.push(target.trigram(search.keys.nameNormalized, limits.trigramTopK));
  return branches;
}

function nearestNeighbours(target: LookupTarget, column: 'company_name_embedding' | 'full_profile_embedding', embedding: number[], limit: number): SQL {
  const channel: CandidateChannel = column === 'company_name_embedding' ? 'name_embedding' : 'profile_embedding';
  // The linked-record branch's filter implies its HNSW index's predicate (resolved records only), so that index serves it.
  return sql`${target.select(channel)} ${target.where(sql`true`)} order by ${sql.raw(column)} <=> ${vectorLiteral(embedding)} limit ${limit}`;
}

export interface CandidateLookup {
  query: SQL;
  /** hnsw.ef_search to set before it (nearest-neighbour lookups). */
  efSearch?: number;
  /** Lookups of one lane run in turn on one connection; lanes may run side by side (findCandidates). */
  lane: 'keys' | 'name' | 'profile';
}

/** The queries one search runs, in order: exact keys and trigrams as one union, then each nearest-neighbour lookup. */
export function candidateLookups(search: CandidateSearch, limits: CandidateLimits): CandidateLookup[] {
  const targets = [CUSTOMERS, LINKED_RECORDS];
  const union = targets.flatMap((target) => exactAndTrigramBranches(search, limits, target));
  const lookups: CandidateLookup[] = union.length > 0 ? [{ query: sql.join(union, sql` union all `), lane: 'keys' }] : [];
  // Grouped by column so that ef_search is set once per column.
  if (search.nameEmbedding) {
    for (const target of targets) lookups.push({ query: nearestNeighbours(target, 'company_name_embedding', search.nameEmbedding, limits.hnswTopK), efSearch: limits.efSearch.name, lane: 'name' });
  }
  if (search.profileEmbedding) {
    for (const target of targets) lookups.push({ query: nearestNeighbours(target, 'full_profile_embedding', search.profileEmbedding, limits.hnswTopK), efSearch: limits.efSearch.profile, lane: 'profile' });
  }
  return lookups;
}

/**
 * Per-query settings: the trigram similarity floor used by the % operator, and no sequential scans: on
 * small tables the planner would rather scan everything than use HNSW/GIN, which costs more per request
 * and grows with the table. Transaction-local; ef_search is set per lookup (efSearchSetting).
 */
function candidateQuerySettings(limits: CandidateLimits): SQL {
  return sql`select set_config('pg_trgm.similarity_threshold', ${String(limits.trigramThreshold)}, true), set_config('enable_seqscan', 'off', true)`;
}

function efSearchSetting(efSearch: number): SQL {
  return sql`select set_config('hnsw.ef_search', ${String(efSearch)}, true)`;
}

/** Runs the lookups in one transaction, setting ef_search only when it changes. */
export async function runCandidateLookups<T>(tx: Database, lookups: readonly CandidateLookup[], limits: CandidateLimits, run: (query: SQL) => Promise<T[]>): Promise<T[]> {
  await tx.execute(candidateQuerySettings(limits));
  const rows: T[] = [];
  let efSearch: number | undefined;
  for (const lookup of lookups) {
    if (lookup.efSearch !== undefined && lookup.efSearch !== efSearch) {
      await tx.execute(efSearchSetting(lookup.efSearch));
      efSearch = lookup.efSearch;
    }
    rows.push(...(await run(lookup.query)));
  }
  return rows;
}

/**
 * On a PostgreSQL pool the three lanes (exact keys and trigrams, name neighbours, profile neighbours) run
 * side by side on their own connections, so a match waits for the slowest lookup instead of their sum.
 * In a transaction or on PGlite (one connection) they run in turn; the hits come in the same order either way.
 */
export async function findCandidates(db: Database, search: CandidateSearch, limits: CandidateLimits): Promise<CandidateSet> {
  const lookups = candidateLookups(search, limits);
  const run = (lane: readonly CandidateLookup[]) => db.transaction((tx) => runCandidateLookups(tx, lane, limits, (query) => queryRows<CandidateHit>(tx, query)));
  const lanes = isPool(db) ? (['keys', 'name', 'profile'] as const).map((lane) => lookups.filter((lookup) => lookup.lane === lane)).filter((lane) => lane.length > 0) : [lookups];
  const hits = (await Promise.all(lanes.map(run))).flat();
  const excluded = new Set(search.excludeCustomerIds ?? []);
  const channels = new Map<number, CandidateChannel[]>();
  const linkedVia = new Map<number, number[]>();
  for (const hit of hits) {
    const id = Number(hit.id);
    if (excluded.has(id)) continue;
    const found = channels.get(id) ?? [];
    if (!found.includes(hit.channel)) found.push(hit.channel);
    channels.set(id, found);
    if (hit.via === null) continue;
    const via = linkedVia.get(id) ?? [];
    if (!via.includes(Number(hit.via))) via.push(Number(hit.via));
    linkedVia.set(id, via);
  }
  if (channels.size <= limits.maxCandidates) return { channels, linkedVia, capped: false };
  // Keep the candidates found by the most channels (exact keys first, as they are listed first).
  const kept = [...channels.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, limits.maxCandidates);
  return { channels: new Map(kept), linkedVia: new Map([...linkedVia].filter(([id]) => kept.some(([keptId]) => keptId === id))), capped: true };
}

/** A candidate customer without its embedding columns (scoring needs the cosines, not the vectors). */
export type CandidateCustomer = Omit<Customer, 'companyNameEmbedding' | 'fullProfileEmbedding'>;

export interface CandidateRow {
  customer: CandidateCustomer;
  nameCosine: number | null;
  profileCosine: number | null;
}

const { companyNameEmbedding, fullProfileEmbedding, ...customerColumnsWithoutEmbeddings } = getTableColumns(customers);

/** The candidate customers with the cosine similarity of each embedding to the incoming record's. */
export async function loadCandidateRows(
  db: Database,
  customerIds: number[],
  nameEmbedding: number[] | null,
  profileEmbedding: number[] | null,
): Promise<CandidateRow[]> {
  if (customerIds.length === 0) return [];
  const cosine = (column: typeof companyNameEmbedding | typeof fullProfileEmbedding, embedding: number[] | null) =>
    embedding ? sql<number | null>`(1 - (${column} <=> ${vectorLiteral(embedding)}))::float8` : sql<number | null>`null::float8`;
  const rows = await db
    .select({
      customer: customerColumnsWithoutEmbeddings,
      nameCosine: cosine(companyNameEmbedding, nameEmbedding),
      profileCosine: cosine(fullProfileEmbedding, profileEmbedding),
    })
    .from(customers)
    .where(inArray(customers.id, customerIds));
  return rows.map((row) => ({ customer: row.customer, nameCosine: toNumber(row.nameCosine), profileCosine: toNumber(row.profileCosine) }));
}

function toNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
