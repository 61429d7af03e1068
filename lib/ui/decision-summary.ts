// What a decision did, as plain serialisable data for the page that sent it.
import { STATE_LABELS, type IncomingState } from '../domain/resolution';
import type { DecisionOutcome } from '../services/resolution';

export interface DecisionSummary {
  incomingId: number;
  state: IncomingState;
  stateLabel: string;
  customerId: number | null;
  customerName: string | null;
  superseded: number;
  /** Reopen: what was undone, or with dry run what would be. */
  effects: string[];
  blockers: string[];
  dryRun: boolean;
}

export function decisionSummary(outcome: DecisionOutcome): DecisionSummary {
  return {
    incomingId: outcome.incoming.id,
    state: outcome.incoming.processingStatus,
    stateLabel: STATE_LABELS[outcome.incoming.processingStatus],
    customerId: outcome.customer?.id ?? null,
    customerName: outcome.customer ? (outcome.customer.companyName ?? outcome.customer.contactName) : null,
    superseded: outcome.superseded.length,
    effects: outcome.undo?.effects ?? [],
    blockers: outcome.undo?.blockers ?? [],
    dryRun: outcome.dryRun,
  };
}
