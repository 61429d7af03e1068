// Merges never join across a hard conflict: a record is not linked to a customer when it hard-conflicts
// with the customer's master record or with a record already linked to it (docs/decisions.md#hard-conflicts).
import { hardConflict, type HardConflict } from '../matching/cluster';
import { sameIdentifierKind } from '../matching/normalize/identifier';
import { normalizeRecord, type NormalizedRecord } from '../matching/normalize/record';
import type { CustomerRecord } from '../matching/types';

/** A record of the customer's entity: its master record, or a source record already resolved onto it. */
export interface EntityMember {
  kind: 'customer' | 'linked_record';
  id: number;
  record: CustomerRecord;
}

export interface EntityConflict {
  conflict: HardConflict;
  /** The API field that conflicts. */
  field: 'date_of_birth' | 'identifiers' | 'contact_name';
  with: Pick<EntityMember, 'kind' | 'id'>;
  incomingValue: string | null;
  otherValue: string | null;
}

const FIELDS: Record<HardConflict, EntityConflict['field']> = {
  dateOfBirth: 'date_of_birth',
  identifier: 'identifiers',
  givenName: 'contact_name',
  generation: 'contact_name',
};

/** The two documents of one kind that differ, as "passport X1234". */
function conflictingIdentifiers(a: NormalizedRecord, b: NormalizedRecord): [string, string] | null {
  for (const x of a.identifiers) {
    for (const y of b.identifiers) {
      if (sameIdentifierKind(x, y) && x.value !== y.value) return [`${x.label} ${x.value}`, `${y.label} ${y.value}`];
    }
  }
  return null;
}

function values(conflict: HardConflict, incoming: NormalizedRecord, other: NormalizedRecord): [string | null, string | null] {
  if (conflict === 'dateOfBirth') return [incoming.raw.dateOfBirth ?? null, other.raw.dateOfBirth ?? null];
  if (conflict === 'identifier') return conflictingIdentifiers(incoming, other) ?? [null, null];
  return [incoming.raw.contactName ?? null, other.raw.contactName ?? null];
}

/** The first member of the entity the incoming record cannot be one with (the master record first), or null. */
export function findEntityConflict(incoming: CustomerRecord, members: readonly EntityMember[]): EntityConflict | null {
  const normalized = normalizeRecord(incoming);
  for (const member of members) {
    const other = normalizeRecord(member.record);
    const conflict = hardConflict(normalized, other);
    if (!conflict) continue;
    const [incomingValue, otherValue] = values(conflict, normalized, other);
    return { conflict, field: FIELDS[conflict], with: { kind: member.kind, id: member.id }, incomingValue, otherValue };
  }
  return null;
}

const WHAT_DIFFERS: Record<HardConflict, string> = {
  dateOfBirth: 'different dates of birth',
  identifier: 'different documents of one kind',
  givenName: 'clearly different given names',
  generation: 'different generations (Jr / Sr)',
};

const WHAT_TO_CORRECT: Record<HardConflict, string> = {
  dateOfBirth: 'the wrong date of birth',
  identifier: 'the wrong document number',
  givenName: 'the wrong name',
  generation: 'the wrong name',
};

/** What the steward reads: which field conflicts with which record, and what to do instead. */
export function entityConflictMessage(incomingId: number, customerId: number, found: EntityConflict): string {
  const master = found.with.kind === 'customer';
  const who = master ? 'they have' : `it and incoming #${found.with.id}, already linked to that customer, have`;
  const shown = found.incomingValue !== null && found.otherValue !== null ? `: ${found.incomingValue} here, ${found.otherValue} ${master ? 'on the customer' : 'there'}` : '';
  const instead = master
    ? `Create it as a new customer instead, or correct ${WHAT_TO_CORRECT[found.conflict]} first and decide again.`
    : `Create it as a new customer instead, or, if incoming #${found.with.id} was linked by mistake, change that decision first.`;
  return `Incoming #${incomingId} cannot be linked to customer #${customerId}: ${who} ${WHAT_DIFFERS[found.conflict]} (${found.field}${shown}). ${instead}`;
}
