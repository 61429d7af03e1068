// Every REST operation, described once: path, method, scope, the zod schemas that validate it, and an
// example. The OpenAPI document is generated from this list; a test checks it covers every route file.
import { z } from 'zod';
import { auditListQuerySchema } from '../schemas/audit';
import { customerInputSchema, customerListQuerySchema, customerPatchSchema } from '../schemas/customer';
import { exportQuerySchema } from '../schemas/export';
import { incomingListQuerySchema, incomingSubmitQuerySchema } from '../schemas/incoming';
import { importFormSchema, importSummaryResponseSchema } from '../schemas/import';
import { recordDecisionSchema, reviewInputSchema } from '../schemas/review';
import { searchInputSchema } from '../schemas/search';
import * as responses from '../schemas/responses';

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI path under /api/v1 (the seed's alias is the same path without /api/v1). */
  path: string;
  summary: string;
  description?: string;
  tag: 'Health' | 'Customers' | 'Incoming' | 'Matching' | 'Review' | 'Audit';
  scope: 'read' | 'write' | 'review' | 'admin' | null;
  pathParams?: string[];
  query?: z.ZodType;
  body?: z.ZodType;
  /** Default application/json; the import takes a file as multipart/form-data. */
  bodyContentType?: 'application/json' | 'multipart/form-data';
  bodyExample?: unknown;
  idempotent?: boolean;
  success: { status: number; description: string; schema?: z.ZodType };
  /** A second success status (a create that found the record already stored answers 200). */
  alsoSuccess?: { status: number; description: string; schema?: z.ZodType };
  errors: number[];
}

/** Every status an operation documents: its successes, then its errors. */
export function documentedStatuses(operation: Operation): number[] {
  return [operation.success.status, ...(operation.alsoSuccess ? [operation.alsoSuccess.status] : []), ...operation.errors];
}

const customerExample = {
  company_name: 'Acme Corporation',
  contact_name: 'John Smith',
  email: 'john.smith@acme.com',
  phone: '+1-555-0101',
  address_line1: '123 Main Street',
  city: 'New York',
  state_province: 'NY',
  postal_code: '10001',
  country: 'USA',
  industry: 'Manufacturing',
  annual_revenue: 50000000,
  employee_count: 250,
  website: 'https://www.acme.com',
};

const writeErrors = [400, 401, 403, 413, 415, 422, 429];

export const OPERATIONS: Operation[] = [
  { method: 'get', path: '/health', summary: 'Health: database, pgvector, embedding provider', tag: 'Health', scope: null, success: { status: 200, description: 'Healthy', schema: responses.healthResponseSchema }, errors: [503] },
  { method: 'post', path: '/customers', summary: 'Create a customer', tag: 'Customers', scope: 'write', body: customerInputSchema, bodyExample: customerExample, idempotent: true, success: { status: 201, description: 'Created', schema: responses.customerResponseSchema }, errors: [...writeErrors, 409] },
  { method: 'get', path: '/customers', summary: 'List customers (JSON array; next page in Link / X-Next-Cursor)', tag: 'Customers', scope: 'read', query: customerListQuerySchema, success: { status: 200, description: 'A page of customers', schema: z.array(responses.customerResponseSchema) }, errors: [401, 403, 422, 429] },
  { method: 'get', path: '/customers/{id}', summary: 'Get a customer and the source records linked to it', description: 'linked_records lists the incoming records resolved onto this customer (accepted, merged, or the record it was created from), most recently decided first: source system and id, who decided and when, and the candidate the decision was taken on.', tag: 'Customers', scope: 'read', pathParams: ['id'], success: { status: 200, description: 'The customer with its linked records', schema: responses.customerDetailResponseSchema }, errors: [401, 403, 404, 422, 429] },
  { method: 'patch', path: '/customers/{id}', summary: 'Change a customer (only the fields sent)', tag: 'Customers', scope: 'write', pathParams: ['id'], body: customerPatchSchema, bodyExample: { phone: '+1 212 555 0199', city: 'Brooklyn' }, success: { status: 200, description: 'The changed customer', schema: responses.customerResponseSchema }, errors: [...writeErrors, 404] },
  { method: 'delete', path: '/customers/{id}', summary: 'Erase a customer (embeddings and match rows too; the audit log keeps only the id)', description: 'Admin scope: erasure cannot be undone.', tag: 'Customers', scope: 'admin', pathParams: ['id'], success: { status: 204, description: 'Erased' }, errors: [401, 403, 404, 422, 429] },
  { method: 'post', path: '/customers/incoming', summary: 'Store an incoming customer; ?match=true also matches it', description: 'Idempotent: the same record again (same source_system and source_id, or the same content without a source_id) answers 200 with the stored record (and its matches), resubmitted: true, and stores nothing; the same source_id with other content answers 409.', tag: 'Incoming', scope: 'write', query: incomingSubmitQuerySchema, body: customerInputSchema, bodyExample: { ...customerExample, company_name: 'ACME Corp.', contact_name: 'J. Smith', address_line1: '123 Main St' }, idempotent: true, success: { status: 201, description: 'Stored (pending), or stored and matched', schema: z.union([responses.incomingResponseSchema, responses.matchListResponseSchema]) }, alsoSuccess: { status: 200, description: 'Received before: the stored record (and its matches), resubmitted: true; nothing new stored', schema: z.union([responses.incomingResponseSchema, responses.matchListResponseSchema]) }, errors: [...writeErrors, 409] },
  { method: 'get', path: '/customers/incoming', summary: 'List incoming customers (filter by status)', tag: 'Incoming', scope: 'read', query: incomingListQuerySchema, success: { status: 200, description: 'A page of incoming customers', schema: z.array(responses.incomingResponseSchema) }, errors: [401, 403, 422, 429] },
  { method: 'post', path: '/customers/incoming/batch', summary: 'Store up to MAX_BATCH_SIZE incoming customers; per-record results', tag: 'Incoming', scope: 'write', body: z.object({ records: z.array(customerInputSchema), match: z.boolean().optional() }), bodyExample: { records: [customerExample, { company_name: '' }], match: true }, idempotent: true, success: { status: 201, description: 'Per-record results (422 with the per-record errors in details when no record was valid)', schema: responses.batchResponseSchema }, errors: writeErrors },
  { method: 'post', path: '/customers/import', summary: 'Import a CSV, JSON or JSON Lines file into customers or incoming customers', description: 'multipart/form-data: file, and target (customers|incoming), dry_run, source_system, format (else from the file name). Rows are upserted on (source_system, source_id); rows without source_id get one derived from their content, so a re-import changes nothing. Bad rows are skipped and listed in rejections (row, line, field, reason). Accept: application/x-ndjson streams progress events and ends with the summary. A malformed file answers 422 with the summary (rows before the damage stay imported) in details. Size limit IMPORT_MAX_BODY_BYTES (413).', tag: 'Customers', scope: 'write', body: importFormSchema.extend({ file: z.string().describe('the file: CSV with a header row (seed column names), a JSON array of records, or JSON Lines') }), bodyContentType: 'multipart/form-data', success: { status: 200, description: 'What was inserted, updated, left unchanged and rejected', schema: importSummaryResponseSchema }, errors: [400, 401, 403, 413, 415, 422, 429] },
  { method: 'post', path: '/customers/match/{id}', summary: 'Match incoming {id} against customers (idempotent)', tag: 'Matching', scope: 'write', pathParams: ['id'], success: { status: 200, description: 'Ranked matches with explanations', schema: responses.matchListResponseSchema }, errors: [401, 403, 404, 422, 429] },
  { method: 'post', path: '/customers/search', summary: 'Free-text search over customers', tag: 'Matching', scope: 'read', body: searchInputSchema, bodyExample: { query_text: 'Acme Corporation New York', similarity_threshold: 0.8, max_results: 5 }, success: { status: 200, description: 'Customers with similarity_score ≥ threshold, best first', schema: responses.searchResultSchema }, errors: writeErrors },
  { method: 'get', path: '/matches/export', summary: 'Download matches, steward decisions or customers (CSV, JSON, JSON Lines)', description: 'Streamed as an attachment (Content-Disposition). text/csv (UTF-8; bom=true adds a byte order mark for Excel; cells starting with = + - @ tab or CR get a leading single quote), application/json (an array) or application/x-ndjson (a record per line). band and reviewed filter matches only; since filters by last change (decisions: by decision time). customers uses the import\'s columns, so it re-imports as is. Scope: read for matches and customers; what=decisions needs admin, like GET /audit (it carries audit data: actor, notes, request id).', tag: 'Matching', scope: 'read', query: exportQuerySchema, success: { status: 200, description: 'The export file, streamed' }, errors: [400, 401, 403, 429] },
  { method: 'get', path: '/matches/{id}', summary: 'Ranked results for incoming {id}', tag: 'Matching', scope: 'read', pathParams: ['id'], success: { status: 200, description: 'Ranked matches with band, probability and per-field explanation', schema: responses.matchListResponseSchema }, errors: [401, 403, 404, 422, 429] },
  { method: 'post', path: '/matches/{id}/review', summary: 'Decide on match {id}: accept, merge, reject, create_new, dismiss or reopen', description: 'One resolution per incoming record. accept and merge link the record to this candidate\'s customer and close its other candidates (superseded); reject closes this candidate, and when none is left open the record waits as no_match ("no match: decide"); create_new and dismiss resolve the record without a link; reopen ("Change decision") undoes what closed this candidate — for a resolved record everything its decision did (a customer created from it is deleted, merged fields are restored), with dry_run: true it only says what it would do. merge_fields names blocks (company_name, contact, address, website, industry, revenue, employee_count, description): an address or a contact moves as a whole. Send the expected_version you reviewed; a stale version, or a record already resolved by someone else, answers 409 with what happened. accept and merge also answer 409 when the record hard-conflicts with the customer or a record already linked to it (different dates of birth, documents of one kind, clearly different given names, Jr / Sr): details.hard_conflict names the field, and the message says what to do instead.', tag: 'Review', scope: 'review', pathParams: ['id'], body: reviewInputSchema, bodyExample: { decision: 'merge', expected_version: 1, merge_fields: ['address'], notes: 'Same company, new address' }, success: { status: 200, description: 'The incoming record, every candidate with its decision, the customer affected and, for reopen, what was undone', schema: responses.reviewResponseSchema }, errors: [...writeErrors, 404, 409] },
  { method: 'get', path: '/customers/incoming/{id}', summary: 'Incoming {id}: its state, how it was resolved, and every candidate with its decision', tag: 'Incoming', scope: 'read', pathParams: ['id'], success: { status: 200, description: 'The record and its candidates', schema: responses.matchListResponseSchema }, errors: [401, 403, 404, 422, 429] },
  { method: 'post', path: '/customers/incoming/{id}/decision', summary: 'Decide on incoming {id} as a whole: create_new, dismiss or reopen', description: 'For a record with or without candidates (no_match: "no match: decide"). create_new makes it a customer, dismiss closes it without one; both close its open candidates. reopen ("Change decision") undoes the decision that resolved it; dry_run: true says what that would do without doing it. expected_version is the record\'s version (incoming_customer.version); a stale one answers 409.', tag: 'Review', scope: 'review', pathParams: ['id'], body: recordDecisionSchema, bodyExample: { decision: 'create_new', expected_version: 3, notes: 'New branch office' }, success: { status: 200, description: 'The incoming record, its candidates, the customer created and, for reopen, what was undone', schema: responses.reviewResponseSchema }, errors: [...writeErrors, 404, 409] },
  { method: 'get', path: '/audit', summary: 'Audit log (admin)', tag: 'Audit', scope: 'admin', query: auditListQuerySchema, success: { status: 200, description: 'Audit events, newest first', schema: responses.auditResponseSchema }, errors: [401, 403, 422, 429] },
];
