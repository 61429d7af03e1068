// A small, independent model of the decision rules for the model-based test: what each command should
// do to a record and its candidates, written from the rules, not from lib/services/resolution.ts.
import type { CandidateDecision, IncomingState } from '../domain/resolution';

export interface ModelCandidate {
  id: number;
  customerId: number;
  decision: CandidateDecision | null;
}

export interface ModelRecord {
  id: number;
  template: number;
  state: IncomingState;
  candidates: ModelCandidate[];
  /** Linked to or created as. */
  customerId: number | null;
  /** Candidates the resolving decision closed: open again after "change decision". */
  closed: number[];
}

export type Expectation = 'ok' | 'conflict';

const OPEN: IncomingState[] = ['matched', 'no_match'];
const RESOLVED: IncomingState[] = ['linked', 'created', 'dismissed'];

export class DecisionModel {
  readonly records = new Map<number, ModelRecord>();
  readonly byTemplate = new Map<number, number>();
  readonly customers = new Set<number>();
  /** Date of birth of each customer's master record (seed, or the record it was created from). */
  private readonly customerDob = new Map<number, string | null>();

  /** `templateDob`: the date of birth of each template's records; dates that differ cannot be one customer. */
  constructor(customers: Array<{ id: number; dob: string | null }>, private readonly templateDob: (template: number) => string | null = () => null) {
    for (const { id, dob } of customers) {
      this.customers.add(id);
      this.customerDob.set(id, dob);
    }
  }

  /** Accept and merge are refused when a date of birth in the customer's entity (master or linked records) differs from the record's. */
  hardConflict(record: ModelRecord, customerId: number): boolean {
    const dob = this.templateDob(record.template);
    if (!dob) return false;
    const linked = this.sortedRecords().filter((other) => other.id !== record.id && (other.state === 'linked' || other.state === 'created') && other.customerId === customerId);
    const entity = [this.customerDob.get(customerId) ?? null, ...linked.map((other) => this.templateDob(other.template))];
    return entity.some((other) => other !== null && other !== dob);
  }

  sortedRecords(): ModelRecord[] {
    return [...this.records.values()].sort((a, b) => a.id - b.id);
  }

  openRecords(): number {
    return this.sortedRecords().filter((record) => OPEN.includes(record.state)).length;
  }

  static isResolved(record: ModelRecord): boolean {
    return RESOLVED.includes(record.state);
  }

  private settle(record: ModelRecord): void {
    record.state = record.candidates.some((candidate) => candidate.decision === null) ? 'matched' : 'no_match';
  }

  /** Stored, not yet matched. */
  received(id: number, template: number): void {
    this.records.set(id, { id, template, state: 'pending', candidates: [], customerId: null, closed: [] });
    this.byTemplate.set(template, id);
  }

  expectMatch(record: ModelRecord): Expectation {
    return DecisionModel.isResolved(record) ? 'conflict' : 'ok';
  }

  /** After matching: the engine's candidates; a candidate decided before keeps its decision. */
  matched(record: ModelRecord, stored: Array<{ id: number; customerId: number }>): void {
    const before = new Map(record.candidates.map((candidate) => [candidate.id, candidate.decision]));
    record.candidates = stored.map(({ id, customerId }) => ({ id, customerId, decision: before.get(id) ?? null }));
    this.settle(record);
  }

  expectCandidateDecision(record: ModelRecord, candidate: ModelCandidate, stale: boolean, decision?: string): Expectation {
    if (stale || record.state !== 'matched' || candidate.decision !== null) return 'conflict';
    const links = decision === 'accept' || decision === 'merge';
    return links && this.hardConflict(record, candidate.customerId) ? 'conflict' : 'ok';
  }

  expectRecordDecision(record: ModelRecord, stale: boolean): Expectation {
    return !stale && OPEN.includes(record.state) ? 'ok' : 'conflict';
  }

  /** Undo is refused while another record is linked to the customer this one created. */
  expectReopen(record: ModelRecord, stale: boolean, candidate?: ModelCandidate): Expectation {
    if (stale) return 'conflict';
    if (!DecisionModel.isResolved(record)) return candidate?.decision === 'reject' && OPEN.includes(record.state) ? 'ok' : 'conflict';
    if (record.state !== 'created') return 'ok';
    const blocked = this.sortedRecords().some((other) => other.id !== record.id && (other.state === 'linked' || other.state === 'created') && other.customerId === record.customerId);
    return blocked ? 'conflict' : 'ok';
  }

  reject(record: ModelRecord, candidate: ModelCandidate): void {
    candidate.decision = 'reject';
    this.settle(record);
  }

  /** accept / merge / create_new / dismiss: the record is resolved, every other open candidate superseded. */
  resolve(record: ModelRecord, decision: 'accept' | 'merge' | 'create_new' | 'dismiss', candidate: ModelCandidate | null, customerId: number | null): void {
    record.closed = [];
    if (candidate && candidate.decision === null) {
      candidate.decision = decision;
      record.closed.push(candidate.id);
    }
    for (const other of record.candidates) {
      if (other.decision !== null) continue;
      other.decision = 'superseded';
      record.closed.push(other.id);
    }
    record.state = decision === 'accept' || decision === 'merge' ? 'linked' : decision === 'create_new' ? 'created' : 'dismissed';
    record.customerId = customerId;
    if (decision === 'create_new' && customerId !== null) {
      this.customers.add(customerId);
      this.customerDob.set(customerId, this.templateDob(record.template));
    }
  }

  reopenCandidate(record: ModelRecord, candidate: ModelCandidate): void {
    candidate.decision = null;
    record.state = 'matched';
  }

  /** Change decision: the created customer goes (with its candidate rows elsewhere), closed candidates reopen. */
  reopen(record: ModelRecord): void {
    if (record.state === 'created' && record.customerId !== null) {
      this.customers.delete(record.customerId);
      for (const other of this.sortedRecords()) {
        if (other.id === record.id) continue;
        const before = other.candidates.length;
        other.candidates = other.candidates.filter((candidate) => candidate.customerId !== record.customerId);
        if (other.candidates.length !== before && OPEN.includes(other.state)) this.settle(other);
      }
    }
    for (const candidate of record.candidates) if (record.closed.includes(candidate.id)) candidate.decision = null;
    record.closed = [];
    record.customerId = null;
    this.settle(record);
  }
}
