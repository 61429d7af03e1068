// The decision rules through HTTP: random sequences of submit, accept, reject, merge, create new, dismiss
// and change decision against the REST API, each checked against the same model as the service-level
// test (lib/services/resolution.model.int.test.ts) after every step. Every sequence has its own companies.
import fc from 'fast-check';
import { DecisionModel, type Expectation, type ModelRecord } from '../../lib/services/decision-model.test-helpers';
import * as responses from '../../lib/schemas/responses';
import { expectBody } from '../support/contract';
import { expect, test, uniqueToken, type MatchingApi } from '../support/matching-api';

const RUNS = Number(process.env.HTTP_MODEL_RUNS ?? 40);
const SEED = Number(process.env.HTTP_MODEL_SEED ?? 20261204);

interface Real {
  api: MatchingApi;
  templates: Array<Record<string, unknown>>;
  /** Every customer a decision created, to check that an undone one is really gone. */
  created: Set<number>;
}

type Listing = Awaited<ReturnType<MatchingApi['matchesOf']>>;

async function listing(real: Real, id: number): Promise<Listing> {
  return expectBody(await real.api.client.get(`/customers/incoming/${id}`), 200, responses.matchListResponseSchema);
}

/** Sends a decision; 200 → ok, 409 → conflict, anything else fails the test. */
async function decide(real: Real, path: string, body: Record<string, unknown>): Promise<{ outcome: Expectation; customerId: number | null }> {
  const response = await real.api.client.post(path, body);
  if (response.status() === 409) return { outcome: 'conflict', customerId: null };
  const review = await expectBody(response, 200, responses.reviewResponseSchema);
  if (body.decision === 'create_new' && review.customer) real.created.add(review.customer.customer_id);
  return { outcome: 'ok', customerId: review.customer?.customer_id ?? null };
}

async function expectInvariants(real: Real, model: DecisionModel): Promise<void> {
  for (const record of model.sortedRecords()) {
    const { incoming_customer: incoming, matches } = await listing(real, record.id);
    expect(incoming.processing_status, `state of incoming #${record.id}`).toBe(record.state);
    if (record.state === 'linked' || record.state === 'created') expect(incoming.resolved_customer_id).toBe(record.customerId);
    expect(matches.filter((match) => match.review_decision === 'accept' || match.review_decision === 'merge').length).toBeLessThanOrEqual(1);
    if (DecisionModel.isResolved(record)) expect(matches.every((match) => match.reviewed)).toBe(true);
    const decisions = Object.fromEntries(matches.map((match) => [match.match_id, match.review_decision]));
    expect(decisions).toEqual(Object.fromEntries(record.candidates.map((candidate) => [candidate.id, candidate.decision])));
  }
  for (const id of model.customers) expect((await real.api.client.get(`/customers/${id}`)).status(), `customer #${id} lost`).toBe(200);
  for (const id of real.created) if (!model.customers.has(id)) expect((await real.api.client.get(`/customers/${id}`)).status(), `customer #${id} should be deleted`).toBe(404);
}

const pick = <T,>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

abstract class Command implements fc.AsyncCommand<DecisionModel, Real> {
  check() {
    return true;
  }
  protected abstract apply(model: DecisionModel, real: Real): Promise<void>;
  async run(model: DecisionModel, real: Real) {
    await this.apply(model, real);
    await expectInvariants(real, model);
  }
}

class Submit extends Command {
  constructor(readonly template: number) { super(); }
  protected async apply(model: DecisionModel, real: Real) {
    const response = await real.api.client.post('/customers/incoming?match=true', real.templates[this.template]);
    const body = await expectBody(response, model.byTemplate.has(this.template) ? 200 : 201, responses.matchListResponseSchema);
    expect(body.incoming_customer.resubmitted).toBe(model.byTemplate.has(this.template));
    if (model.byTemplate.has(this.template)) return;
    model.received(body.incoming_customer.request_id, this.template);
    model.matched(model.records.get(body.incoming_customer.request_id)!, body.matches.map((match) => ({ id: match.match_id, customerId: match.matched_customer_id })));
  }
  toString() { return `submit(T${this.template})`; }
}

type OnCandidate = 'accept' | 'reject' | 'merge' | 'create_new' | 'dismiss' | 'reopen';

class OnCandidateCommand extends Command {
  constructor(readonly decision: OnCandidate, readonly recordPick: number, readonly candidatePick: number) { super(); }
  protected async apply(model: DecisionModel, real: Real) {
    const record = pick(model.sortedRecords().filter((r) => r.candidates.length > 0), this.recordPick);
    const candidate = record && pick(record.candidates, this.candidatePick);
    if (!record || !candidate) return;
    const version = (await listing(real, record.id)).matches.find((match) => match.match_id === candidate.id)!.version;
    const expected =
      this.decision === 'reopen' ? model.expectReopen(record, false, candidate)
      : this.decision === 'create_new' || this.decision === 'dismiss' ? model.expectRecordDecision(record, false)
      : model.expectCandidateDecision(record, candidate, false, this.decision);
    const { outcome, customerId } = await decide(real, `/matches/${candidate.id}/review`, { decision: this.decision, expected_version: version });
    expect(outcome).toBe(expected);
    if (outcome !== 'ok') return;
    if (this.decision === 'reject') model.reject(record, candidate);
    else if (this.decision === 'reopen' && DecisionModel.isResolved(record)) model.reopen(record);
    else if (this.decision === 'reopen') model.reopenCandidate(record, candidate);
    else model.resolve(record, this.decision, candidate, this.decision === 'dismiss' ? null : customerId);
  }
  toString() { return `${this.decision}(#${this.recordPick}/${this.candidatePick})`; }
}

class OnRecordCommand extends Command {
  constructor(readonly decision: 'create_new' | 'dismiss' | 'reopen', readonly recordPick: number, readonly stale: boolean) { super(); }
  protected async apply(model: DecisionModel, real: Real) {
    const record: ModelRecord | undefined = pick(model.sortedRecords(), this.recordPick);
    if (!record) return;
    const current = (await listing(real, record.id)).incoming_customer.version;
    const stale = this.stale && current > 1;
    const expected = this.decision === 'reopen' ? model.expectReopen(record, stale) : model.expectRecordDecision(record, stale);
    const { outcome, customerId } = await decide(real, `/customers/incoming/${record.id}/decision`, { decision: this.decision, expected_version: stale ? current - 1 : current });
    expect(outcome).toBe(expected);
    if (outcome !== 'ok') return;
    if (this.decision === 'reopen') model.reopen(record);
    else model.resolve(record, this.decision, null, customerId);
  }
  toString() { return `record-${this.decision}(#${this.recordPick}${this.stale ? ', stale' : ''})`; }
}

const nat = fc.nat({ max: 30 });
const commands = [
  fc.nat({ max: 3 }).map((template) => new Submit(template)),
  fc.tuple(fc.constantFrom<OnCandidate>('accept', 'reject', 'merge', 'create_new', 'dismiss', 'reopen'), nat, nat).map(([decision, r, c]) => new OnCandidateCommand(decision, r, c)),
  fc.tuple(fc.constantFrom<'create_new' | 'dismiss' | 'reopen'>('create_new', 'dismiss', 'reopen'), nat, fc.boolean()).map(([decision, r, stale]) => new OnRecordCommand(decision, r, stale)),
];

test(`${RUNS} random decision sequences through the REST API keep one outcome per record`, async ({ api, baseURL }) => {
  test.setTimeout(600_000);
  expect(new URL(baseURL!).hostname).toBe('127.0.0.1');
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 10 }), async (sequence) => {
      const t = uniqueToken();
      const customers = [
        await api.createCustomer({ company_name: `Fabrikam ${t}`, email: `redmond@fabrikam${t}.com`, city: 'Redmond', country: 'US' }),
        await api.createCustomer({ company_name: `Fabrikam ${t}`, email: `seattle@fabrikam${t}.com`, city: 'Seattle', country: 'US' }),
        await api.createCustomer({ company_name: `Tailspin ${t} Toys`, email: `hi@tailspin${t}.com`, city: 'Boston', country: 'US' }),
      ];
      const templates = [
        { company_name: `Fabrikam ${t}`, email: `orders@fabrikam${t}.com`, country: 'US' },
        { company_name: `Tailspin ${t} Toys`, email: `hi@tailspin${t}.com`, city: 'Boston', country: 'US' },
        { company_name: `Zyxplor ${t} Bakery`, email: `hello@zyxplor${t}.example`, city: 'Reykjavik', country: 'IS' },
        { company_name: `Zyxplor ${t} Bakery ehf`, email: `hello@zyxplor${t}.example`, city: 'Reykjavik', country: 'IS' },
      ];
      const model = new DecisionModel(customers.map((customer) => ({ id: customer.customer_id, dob: null })));
      await fc.asyncModelRun(() => ({ model, real: { api, templates, created: new Set<number>() } }), sequence);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
});
