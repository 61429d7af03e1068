// Model-based test of steward decisions (fast-check commands): random sequences of submit, match, accept,
// reject, merge, create new, dismiss, change decision and bulk accept run through the services, and after
// every step the database must agree with the model and hold the invariants. Replay a failure with
// MODEL_SEED=<seed> MODEL_PATH=<path> (printed on failure); MODEL_RUNS sets the number of sequences.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { AppError } from '../errors';
import { customerInputSchema } from '../schemas/customer';
import type { ServiceContext } from './context';
import { createCustomer } from './customers';
import { dashboardSummary } from './dashboard';
import { DecisionModel, type Expectation, type ModelCandidate, type ModelRecord } from './decision-model.test-helpers';
import { receiveIncoming } from './incoming';
import { matchIncoming } from './matching';
import { decideIncoming, reviewMatch } from './resolution';
import { bulkAcceptExact } from './review-queue';

const RUNS = Number(process.env.MODEL_RUNS ?? 600);
const SEED = Number(process.env.MODEL_SEED ?? 20261204);
const PATH = process.env.MODEL_PATH;

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);

const SEED_CUSTOMERS = [
  { company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', phone: '+1 425 555 0100', address_line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postal_code: '98052', country: 'US' },
  { company_name: 'Fabrikam Inc', email: 'seattle@fabrikam.com', address_line1: '400 Pine Street', city: 'Seattle', state: 'WA', postal_code: '98101', country: 'US' },
  { company_name: 'Tailspin Toys', email: 'hi@tailspintoys.com', city: 'Boston', country: 'US' },
  { company_name: 'Contoso Ltd', email: 'hello@contoso.co.uk', city: 'London', country: 'GB' },
  // One person twice: with a date of birth, and without one (a record linked to it can bring one).
  { company_name: 'Maria Garcia', contact_name: 'Maria Garcia', email: 'maria@garcia-consulting.example', city: 'Miami', country: 'US', date_of_birth: '1980-04-12' },
  { company_name: 'Maria Garcia', contact_name: 'Maria Garcia', email: 'maria@garcia-consulting.example', city: 'Miami', country: 'US' },
];

/** Incoming records: two candidates, one exact, one, none, one that matches a customer created from another, and two that hard-conflict. */
const TEMPLATES = [
  { company_name: 'Fabrikam Inc', email: 'orders@fabrikam.com', city: 'Redmond', country: 'US' },
  { company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', phone: '+1 425 555 0100', city: 'Redmond', country: 'US' },
  { company_name: 'Tailspin Toys', email: 'hi@tailspintoys.com', city: 'Boston', country: 'US' },
  { company_name: 'Zyxplor Quantum Bakery', email: 'hello@zyxplor.example', city: 'Reykjavik', country: 'IS' },
  { company_name: 'Zyxplor Quantum Bakery ehf', email: 'hello@zyxplor.example', city: 'Reykjavik', country: 'IS' },
  { company_name: 'Contoso Limited', email: 'hello@contoso.co.uk', city: 'London', country: 'GB' },
  // Hard conflicts: another date of birth than the first Maria Garcia, and the same one.
  { company_name: 'Maria Garcia', contact_name: 'Maria Garcia', email: 'maria@garcia-consulting.example', city: 'Miami', country: 'US', date_of_birth: '1991-09-30' },
  { company_name: 'Maria Garcia', contact_name: 'Maria Garcia', email: 'maria@garcia-consulting.example', city: 'Miami', country: 'US', date_of_birth: '1980-04-12' },
];

const dobOf = (record: { date_of_birth?: string }) => record.date_of_birth ?? null;

interface Real {
  ctx: ServiceContext;
}

const pick = <T,>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

async function outcomeOf(action: () => Promise<unknown>): Promise<Expectation> {
  try {
    await action();
    return 'ok';
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return 'conflict';
    throw error;
  }
}

type Snapshot = { incoming: Map<number, string>; matches: Map<number, string>; customers: Set<number>; auditId: number };

async function snapshot(real: Real): Promise<Snapshot> {
  const db = real.ctx.db;
  const incoming = await queryRows<{ id: string; s: string }>(db, sql`select id, processing_status || ':' || version as s from incoming_customers`);
  const matches = await queryRows<{ id: string; s: string }>(db, sql`select id, reviewed::text || ':' || coalesce(review_decision, '') as s from matching_results`);
  const customers = await queryRows<{ id: string }>(db, sql`select id from customers`);
  const [{ max }] = await queryRows<{ max: string | null }>(db, sql`select max(id) as max from audit_events`);
  return {
    incoming: new Map(incoming.map((row) => [Number(row.id), row.s])),
    matches: new Map(matches.map((row) => [Number(row.id), row.s])),
    customers: new Set(customers.map((row) => Number(row.id))),
    auditId: Number(max ?? 0),
  };
}

/** Every change since `before` has an audit event naming what changed. */
async function expectAudited(real: Real, before: Snapshot, after: Snapshot): Promise<void> {
  const events = await queryRows<{ entity_type: string; entity_id: string }>(real.ctx.db, sql`select entity_type, entity_id from audit_events where id > ${before.auditId}`);
  const audited = new Set(events.map((event) => `${event.entity_type}:${event.entity_id}`));
  for (const [id, state] of after.incoming) if (before.incoming.get(id) !== state) expect(audited, `incoming #${id} changed without an audit event`).toContain(`incoming_customer:${id}`);
  for (const [id, state] of after.matches) if (before.matches.has(id) && before.matches.get(id) !== state) expect(audited, `match #${id} changed without an audit event`).toContain(`matching_result:${id}`);
  for (const id of after.customers) if (!before.customers.has(id)) expect(audited).toContain(`customer:${id}`);
  for (const id of before.customers) if (!after.customers.has(id)) expect(audited).toContain(`customer:${id}`);
}

async function expectInvariants(real: Real, model: DecisionModel): Promise<void> {
  const db = real.ctx.db;
  const [{ n: doubleLinks }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select incoming_id from matching_results where review_decision in ('accept', 'merge') group by incoming_id having count(*) > 1) x`);
  expect(Number(doubleLinks), 'an incoming record linked twice').toBe(0);
  const [{ n: openResolved }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from matching_results m join incoming_customers i on i.id = m.incoming_id where m.reviewed = false and i.processing_status in ('linked', 'created', 'dismissed')`);
  expect(Number(openResolved), 'a resolved record with an open candidate').toBe(0);
  const records = await queryRows<{ id: string; processing_status: string; resolved_customer_id: string | null }>(db, sql`select id, processing_status, resolved_customer_id from incoming_customers order by id`);
  expect(records.map((row) => Number(row.id))).toEqual(model.sortedRecords().map((record) => record.id));
  for (const row of records) {
    const record = model.records.get(Number(row.id))!;
    expect(row.processing_status, `state of incoming #${row.id}`).toBe(record.state);
    if (record.state === 'linked' || record.state === 'created') expect(Number(row.resolved_customer_id)).toBe(record.customerId);
  }
  const candidates = await queryRows<{ id: string; incoming_id: string; reviewed: boolean; review_decision: string | null }>(db, sql`select id, incoming_id, reviewed, review_decision from matching_results order by incoming_id, id`);
  const expected = model.sortedRecords().flatMap((record) => [...record.candidates].sort((a, b) => a.id - b.id).map((c) => ({ id: c.id, incoming: record.id, decision: c.decision })));
  expect(candidates.map((row) => ({ id: Number(row.id), incoming: Number(row.incoming_id), decision: row.review_decision }))).toEqual(expected);
  expect(candidates.every((row) => row.reviewed === (row.review_decision !== null))).toBe(true);
  expect((await dashboardSummary(real.ctx, { days: 1 })).backlog.total, 'backlog = open records').toBe(model.openRecords());
  const customers = await queryRows<{ id: string }>(db, sql`select id from customers order by id`);
  expect(customers.map((row) => Number(row.id)), 'customers lost or appeared').toEqual([...model.customers].sort((a, b) => a - b));
}

async function step(model: DecisionModel, real: Real, expected: Expectation, action: () => Promise<unknown>): Promise<void> {
  const before = await snapshot(real);
  const actual = await outcomeOf(action);
  expect(actual).toBe(expected);
  const after = await snapshot(real);
  if (actual === 'conflict') {
    expect(after.incoming).toEqual(before.incoming);
    expect(after.matches).toEqual(before.matches);
  }
  await expectAudited(real, before, after);
}

async function storedCandidates(real: Real, incomingId: number) {
  const rows = await queryRows<{ id: string; customer_id: string }>(real.ctx.db, sql`select id, customer_id from matching_results where incoming_id = ${incomingId} order by id`);
  return rows.map((row) => ({ id: Number(row.id), customerId: Number(row.customer_id) }));
}

async function versionOf(real: Real, table: 'matching_results' | 'incoming_customers', id: number, stale: boolean): Promise<{ version: number; stale: boolean }> {
  const [{ version }] = await queryRows<{ version: number }>(real.ctx.db, sql`select version from ${sql.raw(table)} where id = ${id}`);
  return stale && version > 1 ? { version: version - 1, stale: true } : { version, stale: false };
}

/** Each command applies itself to the services and the model, then the invariants are checked. */
abstract class Command implements fc.AsyncCommand<DecisionModel, Real> {
  check(): boolean {
    return true;
  }
  protected abstract apply(model: DecisionModel, real: Real): Promise<void>;
  async run(model: DecisionModel, real: Real): Promise<void> {
    await this.apply(model, real);
    await expectInvariants(real, model);
  }
  abstract toString(): string;
}

class Submit extends Command {
  constructor(readonly template: number, readonly match: boolean) { super(); }
  protected async apply(model: DecisionModel, real: Real) {
    const known = model.byTemplate.get(this.template);
    let id = 0;
    await step(model, real, 'ok', async () => {
      const received = await receiveIncoming(real.ctx, input(TEMPLATES[this.template]));
      expect(received.resubmitted).toBe(known !== undefined);
      if (known !== undefined) expect(received.incoming.id).toBe(known);
      id = received.incoming.id;
      if (!received.resubmitted) model.received(id, this.template);
      if (this.match && received.incoming.processingStatus === 'pending') await matchIncoming(real.ctx, id);
    });
    const record = model.records.get(id)!;
    if (this.match && record.state === 'pending') model.matched(record, await storedCandidates(real, id));
  }
  toString() { return `submit(T${this.template}${this.match ? ', match' : ''})`; }
}

class Match extends Command {
  constructor(readonly recordPick: number) { super(); }
  protected async apply(model: DecisionModel, real: Real) {
    const record = pick(model.sortedRecords(), this.recordPick);
    if (!record) return;
    const expected = model.expectMatch(record);
    await step(model, real, expected, () => matchIncoming(real.ctx, record.id));
    if (expected === 'ok') model.matched(record, await storedCandidates(real, record.id));
  }
  toString() { return `match(#${this.recordPick})`; }
}

type OnCandidate = 'accept' | 'reject' | 'merge' | 'create_new' | 'dismiss' | 'reopen';

class DecideOnCandidate extends Command {
  constructor(readonly decision: OnCandidate, readonly recordPick: number, readonly candidatePick: number, readonly stale: boolean) { super(); }
  expectation(model: DecisionModel, record: ModelRecord, candidate: ModelCandidate, stale: boolean): Expectation {
    if (this.decision === 'reopen') return model.expectReopen(record, stale, candidate);
    if (this.decision === 'create_new' || this.decision === 'dismiss') return model.expectRecordDecision(record, stale);
    return model.expectCandidateDecision(record, candidate, stale, this.decision);
  }
  protected async apply(model: DecisionModel, real: Real) {
    const record = pick(model.sortedRecords().filter((r) => r.candidates.length > 0), this.recordPick);
    const candidate = record && pick(record.candidates, this.candidatePick);
    if (!record || !candidate) return;
    const { version, stale } = await versionOf(real, 'matching_results', candidate.id, this.stale);
    const expected = this.expectation(model, record, candidate, stale);
    let customerId: number | null = null;
    const mergeFields = this.decision === 'merge' && this.candidatePick % 2 === 0 ? ['company_name'] : undefined;
    await step(model, real, expected, async () => {
      const outcome = await reviewMatch(real.ctx, candidate.id, { decision: this.decision, expected_version: version, notes: null, reviewer: null, merge_fields: mergeFields as never });
      customerId = outcome.customer?.id ?? null;
    });
    if (expected !== 'ok') return;
    if (this.decision === 'reject') model.reject(record, candidate);
    else if (this.decision === 'reopen' && DecisionModel.isResolved(record)) model.reopen(record);
    else if (this.decision === 'reopen') model.reopenCandidate(record, candidate);
    else model.resolve(record, this.decision, candidate, this.decision === 'dismiss' ? null : customerId);
  }
  toString() { return `${this.decision}(#${this.recordPick}/${this.candidatePick}${this.stale ? ', stale' : ''})`; }
}

class DecideOnRecord extends Command {
  constructor(readonly decision: 'create_new' | 'dismiss' | 'reopen', readonly recordPick: number, readonly stale: boolean) { super(); }
  protected async apply(model: DecisionModel, real: Real) {
    const record = pick(model.sortedRecords(), this.recordPick);
    if (!record) return;
    const { version, stale } = await versionOf(real, 'incoming_customers', record.id, this.stale);
    const expected = this.decision === 'reopen' ? model.expectReopen(record, stale) : model.expectRecordDecision(record, stale);
    let customerId: number | null = null;
    await step(model, real, expected, async () => {
      customerId = (await decideIncoming(real.ctx, record.id, { decision: this.decision, expected_version: version, notes: null })).customer?.id ?? null;
    });
    if (expected !== 'ok') return;
    if (this.decision === 'reopen') model.reopen(record);
    else model.resolve(record, this.decision, null, customerId);
  }
  toString() { return `record-${this.decision}(#${this.recordPick}${this.stale ? ', stale' : ''})`; }
}

class BulkAccept extends Command {
  protected async apply(model: DecisionModel, real: Real) {
    const page = await queryRows<{ id: string; version: number }>(real.ctx.db, sql`select id, version from matching_results where reviewed = false and confidence_band = 'exact' order by match_probability desc, id desc`);
    const matches = page.map((row) => ({ id: Number(row.id), version: row.version }));
    const predicted: number[] = [];
    let accepted: number[] = [];
    await step(model, real, 'ok', async () => {
      accepted = (await bulkAcceptExact(real.ctx, { matches })).accepted;
    });
    for (const { id } of matches) {
      const record = model.sortedRecords().find((r) => r.candidates.some((c) => c.id === id))!;
      const candidate = record.candidates.find((c) => c.id === id)!;
      if (model.expectCandidateDecision(record, candidate, false, 'accept') !== 'ok') continue;
      predicted.push(id);
      model.resolve(record, 'accept', candidate, candidate.customerId);
    }
    expect(accepted).toEqual(predicted);
  }
  toString() { return 'bulk-accept-exact'; }
}

const pickNat = fc.nat({ max: 50 });
const commands = [
  fc.tuple(fc.nat({ max: TEMPLATES.length - 1 }), fc.boolean()).map(([template, match]) => new Submit(template, match)),
  pickNat.map((n) => new Match(n)),
  fc.tuple(fc.constantFrom<OnCandidate>('accept', 'reject', 'merge', 'create_new', 'dismiss', 'reopen'), pickNat, pickNat, fc.nat({ max: 5 }).map((n) => n === 0)).map(
    ([decision, r, c, stale]) => new DecideOnCandidate(decision, r, c, stale),
  ),
  fc.tuple(fc.constantFrom<'create_new' | 'dismiss' | 'reopen'>('create_new', 'dismiss', 'reopen'), pickNat, fc.boolean()).map(([decision, r, stale]) => new DecideOnRecord(decision, r, stale && r % 4 === 0)),
  fc.constant(new BulkAccept()),
];

describe.each(testDatabases())('decisions keep the customer master right ($kind, model-based)', ({ open }) => {
  let handle: DatabaseHandle;
  let real: Real;
  const seeds: Array<{ id: number; dob: string | null }> = [];
  let columns = '';
  beforeAll(async () => {
    handle = await open();
    real = { ctx: { db: handle.db, actor: 'model' } };
    for (const customer of SEED_CUSTOMERS) seeds.push({ id: (await createCustomer(real.ctx, input(customer))).id, dob: dobOf(customer) });
    const stored = await queryRows<{ column_name: string }>(handle.db, sql`select column_name from information_schema.columns where table_name = 'customers' and table_schema = current_schema() and is_generated = 'NEVER' order by ordinal_position`);
    columns = stored.map((row) => `"${row.column_name}"`).join(', ');
    await handle.db.execute(sql`create table model_seed_customers as select * from customers`);
    await handle.db.execute(sql`create table model_seed_tf as select * from term_frequencies`);
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** Every sequence starts from the same seed customers and nothing else, so a seed replays exactly. */
  async function reset() {
    await handle.db.execute(sql`truncate matching_results, incoming_customers, audit_events, customers, term_frequencies restart identity cascade`);
    await handle.db.execute(sql.raw(`insert into customers (${columns}) select ${columns} from model_seed_customers`));
    await handle.db.execute(sql`insert into term_frequencies select * from model_seed_tf`);
    await handle.db.execute(sql`select setval(pg_get_serial_sequence('customers', 'id'), (select max(id) from customers))`);
  }

  it(`${RUNS} random sequences hold every invariant after every step`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (sequence) => {
        await reset();
        const model = new DecisionModel(seeds, (template) => dobOf(TEMPLATES[template]));
        await fc.asyncModelRun(() => ({ model, real }), sequence);
      }),
      { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: true },
    );
  }, 1_800_000);
});
