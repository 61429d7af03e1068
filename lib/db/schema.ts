// Tables, pgvector columns and indexes. Migrations in drizzle/ are generated from this file.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
  vector,
} from 'drizzle-orm/pg-core';
import { EMBEDDING_DIMENSIONS } from '../domain/embedding';
import { CANDIDATE_DECISIONS, INCOMING_STATES } from '../domain/resolution';
import type { Resolution } from '../domain/resolution-record';
import { KEY_COLUMN_LENGTHS, MONEY_NUMERIC, REVIEW_COLUMN_LENGTHS, TEXT_COLUMN_LENGTHS } from '../schemas/column-limits';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Business fields shared by customers and incoming customers (the seed's CSV columns). */
const businessFields = () => ({
  // Nullable in the table so person-only (B2C) records can be stored; the API requires it for company customers.
  companyName: varchar('company_name', { length: TEXT_COLUMN_LENGTHS.companyName }),
  contactName: varchar('contact_name', { length: TEXT_COLUMN_LENGTHS.contactName }),
  email: varchar('email', { length: TEXT_COLUMN_LENGTHS.email }),
  phone: varchar('phone', { length: TEXT_COLUMN_LENGTHS.phone }),
  addressLine1: varchar('address_line1', { length: TEXT_COLUMN_LENGTHS.address }),
  addressLine2: varchar('address_line2', { length: TEXT_COLUMN_LENGTHS.address }),
  city: varchar('city', { length: TEXT_COLUMN_LENGTHS.city }),
  state: varchar('state', { length: TEXT_COLUMN_LENGTHS.state }),
  postalCode: varchar('postal_code', { length: TEXT_COLUMN_LENGTHS.postalCode }),
  country: varchar('country', { length: TEXT_COLUMN_LENGTHS.country }),
  industry: varchar('industry', { length: TEXT_COLUMN_LENGTHS.industry }),
  revenue: numeric('revenue', { ...MONEY_NUMERIC, mode: 'number' }),
  employeeCount: integer('employee_count'),
  website: varchar('website', { length: TEXT_COLUMN_LENGTHS.website }),
  description: text('description'),
  // Persons (B2C) and registries: date of birth as given; identifiers such as VAT, LEI, DUNS, passport.
  dateOfBirth: varchar('date_of_birth', { length: TEXT_COLUMN_LENGTHS.dateOfBirth }),
  identifiers: jsonb('identifiers').$type<Array<{ type: string; value: string; country?: string | null }>>(),
});

/** Normalised keys computed once at write time; indexed for exact-key and trigram candidates. */
const matchKeyFields = () => ({
  nameNormalized: varchar('name_normalized', { length: KEY_COLUMN_LENGTHS.nameNormalized }),
  legalForm: varchar('legal_form', { length: KEY_COLUMN_LENGTHS.legalForm }),
  emailNormalized: varchar('email_normalized', { length: KEY_COLUMN_LENGTHS.emailNormalized }),
  emailDomain: varchar('email_domain', { length: KEY_COLUMN_LENGTHS.emailDomain }),
  phoneE164: varchar('phone_e164', { length: KEY_COLUMN_LENGTHS.phoneE164 }),
  websiteDomain: varchar('website_domain', { length: KEY_COLUMN_LENGTHS.websiteDomain }),
  postalCodeNormalized: varchar('postal_code_normalized', { length: KEY_COLUMN_LENGTHS.postalCodeNormalized }),
  streetNumber: varchar('street_number', { length: KEY_COLUMN_LENGTHS.streetNumber }),
  identifierKeys: text('identifier_keys').array(),
});

const embeddingFields = () => ({
  companyNameEmbedding: vector('company_name_embedding', { dimensions: EMBEDDING_DIMENSIONS }),
  fullProfileEmbedding: vector('full_profile_embedding', { dimensions: EMBEDDING_DIMENSIONS }),
  embeddingModel: varchar('embedding_model', { length: 100 }),
});

export const customers = pgTable(
  'customers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ...businessFields(),
    sourceSystem: varchar('source_system', { length: TEXT_COLUMN_LENGTHS.sourceSystem }).notNull().default('api'),
    sourceId: varchar('source_id', { length: TEXT_COLUMN_LENGTHS.sourceId }),
    ...matchKeyFields(),
    ...embeddingFields(),
    // Free-text search over the business fields; immutable expression so PostgreSQL can store it.
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(coalesce(company_name, '') || ' ' || coalesce(contact_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(city, '') || ' ' || coalesce(country, '') || ' ' || coalesce(industry, '') || ' ' || coalesce(website, '') || ' ' || coalesce(description, ''))`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('customers_source_uq').on(t.sourceSystem, t.sourceId),
    index('customers_company_name_embedding_hnsw')
      .using('hnsw', t.companyNameEmbedding.op('vector_cosine_ops'))
      .with({ m: 16, ef_construction: 64 }),
    index('customers_full_profile_embedding_hnsw')
      .using('hnsw', t.fullProfileEmbedding.op('vector_cosine_ops'))
      .with({ m: 16, ef_construction: 64 }),
    index('customers_search_text_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
    index('customers_email_normalized_idx').on(t.emailNormalized),
    index('customers_email_domain_idx').on(t.emailDomain),
    index('customers_phone_e164_idx').on(t.phoneE164),
    index('customers_website_domain_idx').on(t.websiteDomain),
    index('customers_name_normalized_idx').on(t.nameNormalized),
    index('customers_postal_street_idx').on(t.postalCodeNormalized, t.streetNumber),
    index('customers_identifier_keys_gin').using('gin', t.identifierKeys),
    index('customers_city_idx').on(t.city),
    index('customers_country_idx').on(t.country),
    // Directory sort orders (app/directory): a page of N rows is an index range, not a sort of the table.
    index('customers_company_name_sort_idx').on(t.companyName, t.id),
    index('customers_created_at_idx').on(t.createdAt, t.id),
  ],
);

/**
 * The trigram candidate lookup's narrow copy of each customer's normalised name, kept by a trigger on
 * customers (migration 0013): the % recheck reads a few small pages instead of the wide customer rows.
 */
export const customerNames = pgTable(
  'customer_names',
  {
    customerId: bigint('customer_id', { mode: 'number' })
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    nameNormalized: varchar('name_normalized', { length: KEY_COLUMN_LENGTHS.nameNormalized }).notNull(),
  },
  (t) => [index('customer_names_name_trgm').using('gin', t.nameNormalized.op('gin_trgm_ops'))],
);

export const incomingCustomers = pgTable(
  'incoming_customers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ...businessFields(),
    sourceSystem: varchar('source_system', { length: TEXT_COLUMN_LENGTHS.sourceSystem }).notNull().default('api'),
    sourceId: varchar('source_id', { length: TEXT_COLUMN_LENGTHS.sourceId }),
    ...matchKeyFields(),
    ...embeddingFields(),
    processingStatus: varchar('processing_status', { length: 20, enum: INCOMING_STATES }).notNull().default('pending'),
    // Optimistic locking of record-level decisions (lib/services/resolution.ts); bumped by every transition.
    version: integer('version').notNull().default(1),
    // The one customer a resolved record is linked to or created as; what undoing the decision needs.
    resolvedCustomerId: bigint('resolved_customer_id', { mode: 'number' }).references(() => customers.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: jsonb('resolution').$type<Resolution>(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    errorMessage: text('error_message'),
    needsEmbedding: boolean('needs_embedding').notNull().default(false),
    // Queue claim (lib/db/queries/queue.ts): which worker took the row and when; a stale claim is reclaimable.
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    claimedBy: varchar('claimed_by', { length: 100 }),
  },
  (t) => [
    index('incoming_status_received_idx').on(t.processingStatus, t.receivedAt),
    // Dashboard figures are bounded to the last N days by received_at.
    index('incoming_received_at_idx').on(t.receivedAt),
    index('incoming_resolved_customer_idx').on(t.resolvedCustomerId),
    uniqueIndex('incoming_source_uq').on(t.sourceSystem, t.sourceId),
    // The linked_record candidate channel (lib/db/queries/candidates.ts): the same lookups as on customers,
    // over the records resolved onto a customer only, so open and pending records cost nothing here. Each
    // key index also requires its key, so a nearest-neighbour query (WHERE resolved_customer_id IS NOT NULL)
    // can only be served by its HNSW index, never by reading all of another index and sorting.
    index('incoming_linked_email_normalized_idx').on(t.emailNormalized).where(sql`${t.emailNormalized} is not null and ${t.resolvedCustomerId} is not null`),
    index('incoming_linked_email_domain_idx').on(t.emailDomain).where(sql`${t.emailDomain} is not null and ${t.resolvedCustomerId} is not null`),
    index('incoming_linked_phone_e164_idx').on(t.phoneE164).where(sql`${t.phoneE164} is not null and ${t.resolvedCustomerId} is not null`),
    index('incoming_linked_website_domain_idx').on(t.websiteDomain).where(sql`${t.websiteDomain} is not null and ${t.resolvedCustomerId} is not null`),
    index('incoming_linked_postal_street_idx')
      .on(t.postalCodeNormalized, t.streetNumber)
      .where(sql`${t.postalCodeNormalized} is not null and ${t.streetNumber} is not null and ${t.resolvedCustomerId} is not null`),
    index('incoming_linked_identifier_keys_gin').using('gin', t.identifierKeys).where(sql`${t.identifierKeys} is not null and ${t.resolvedCustomerId} is not null`),
    index('incoming_linked_name_normalized_trgm')
      .using('gin', t.nameNormalized.op('gin_trgm_ops'))
      .where(sql`${t.nameNormalized} is not null and ${t.resolvedCustomerId} is not null`),
    index('incoming_linked_company_name_embedding_hnsw')
      .using('hnsw', t.companyNameEmbedding.op('vector_cosine_ops'))
      .with({ m: 16, ef_construction: 64 })
      .where(sql`${t.resolvedCustomerId} is not null`),
    index('incoming_linked_full_profile_embedding_hnsw')
      .using('hnsw', t.fullProfileEmbedding.op('vector_cosine_ops'))
      .with({ m: 16, ef_construction: 64 })
      .where(sql`${t.resolvedCustomerId} is not null`),
  ],
);

export const matchingResults = pgTable(
  'matching_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incomingId: bigint('incoming_id', { mode: 'number' })
      .notNull()
      .references(() => incomingCustomers.id, { onDelete: 'cascade' }),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    // Double precision: strong evidence puts p within 1e-8 of 1, which float4 would round to 1.0.
    similarityScore: doublePrecision('similarity_score').notNull(),
    matchProbability: doublePrecision('match_probability').notNull(),
    matchWeight: doublePrecision('match_weight').notNull(),
    confidenceBand: varchar('confidence_band', { length: 12, enum: ['exact', 'high', 'potential', 'low'] }).notNull(),
    matchType: varchar('match_type', { length: 20 }).notNull(),
    matchCriteria: jsonb('match_criteria').notNull(),
    rank: integer('rank').notNull().default(1),
    reviewed: boolean('reviewed').notNull().default(false),
    reviewDecision: varchar('review_decision', { length: 20, enum: CANDIDATE_DECISIONS }),
    reviewer: varchar('reviewer', { length: REVIEW_COLUMN_LENGTHS.reviewer }),
    reviewerNotes: text('reviewer_notes'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('matching_results_pair_uq').on(t.incomingId, t.customerId),
    index('matching_results_band_idx').on(t.confidenceBand, t.reviewed),
    index('matching_results_customer_idx').on(t.customerId),
    // Dashboard: matches per day and decisions per day over the last N days.
    index('matching_results_created_at_idx').on(t.createdAt),
    index('matching_results_reviewed_at_idx').on(t.reviewedAt),
    // Review queue's default view: WHERE reviewed = ? ORDER BY match_probability DESC, id DESC LIMIT n, read off
    // the index in order (scanned backwards; forwards for ascending) instead of sorting every open match.
    // Ascending on purpose: a DESC index column is NULLS LAST here, which ORDER BY ... DESC (NULLS FIRST) cannot use.
    index('matching_results_queue_idx').on(t.reviewed, t.matchProbability, t.id),
  ],
);

/** Append-only: who did what to which entity, with before/after snapshots. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actor: varchar('actor', { length: 200 }).notNull(),
    action: varchar('action', { length: 60 }).notNull(),
    entityType: varchar('entity_type', { length: 40 }).notNull(),
    entityId: varchar('entity_id', { length: 60 }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: varchar('request_id', { length: 64 }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_at_idx').on(t.at)],
);

export const apiKeys = pgTable('api_keys', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  prefix: varchar('prefix', { length: 16 }).notNull().unique(),
  keyHash: varchar('key_hash', { length: 128 }).notNull(),
  scopes: jsonb('scopes').$type<string[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Null: the key never expires. */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
});

/**
 * Steward sign-ins: the browser holds only a random session id, stored here as its SHA-256 hash.
 * expires_at slides with use (idle limit) up to a fixed end; revoking the key deletes its sessions.
 */
export const stewardSessions = pgTable(
  'steward_sessions',
  {
    idHash: varchar('id_hash', { length: 64 }).primaryKey(),
    apiKeyId: bigint('api_key_id', { mode: 'number' })
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('steward_sessions_api_key_idx').on(t.apiKeyId), index('steward_sessions_expires_idx').on(t.expiresAt)],
);

/** Responses of create requests by Idempotency-Key, so a retried request returns the first response. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: varchar('principal', { length: 100 }).notNull(),
    key: varchar('key', { length: 200 }).notNull(),
    method: varchar('method', { length: 10 }).notNull(),
    path: varchar('path', { length: 300 }).notNull(),
    requestHash: varchar('request_hash', { length: 64 }).notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('idempotency_keys_pk').on(t.principal, t.key), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** Embeddings by content hash + model, so unchanged text is never embedded twice. */
export const embeddingCache = pgTable(
  'embedding_cache',
  {
    contentHash: varchar('content_hash', { length: 64 }).notNull(),
    model: varchar('model', { length: 100 }).notNull(),
    embedding: vector('embedding', { dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('embedding_cache_pk').on(t.contentHash, t.model)],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type IncomingCustomer = typeof incomingCustomers.$inferSelect;
export type MatchingResult = typeof matchingResults.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * How many customers hold each normalised value per field (company core name, contact, email, phone,
 * street, postal code, city, domain). Kept in step on every customer write; scoring reads it to weigh
 * agreement on a rare value above agreement on a common one (docs/matching.md#term-frequencies).
 */
export const termFrequencies = pgTable(
  'term_frequencies',
  {
    field: varchar('field', { length: 40 }).notNull(),
    value: varchar('value', { length: KEY_COLUMN_LENGTHS.termFrequencyValue }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [uniqueIndex('term_frequencies_pk').on(t.field, t.value)],
);

/** Versioned Fellegi–Sunter parameters (m, u, λ). The newest active row is used; none → shipped defaults. */
export const matchParameters = pgTable('match_parameters', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  version: varchar('version', { length: 100 }).notNull(),
  source: varchar('source', { length: 40 }).notNull(),
  parameters: jsonb('parameters').notNull(),
  summary: jsonb('summary'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
