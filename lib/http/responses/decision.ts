// The answer of both decision endpoints (POST /matches/{id}/review, POST /customers/incoming/{id}/decision).
import type { MatchWithCustomer } from '../../db/queries/matches';
import type { DecisionOutcome } from '../../services/resolution';
import { toCustomerResponse } from './customer';
import { toIncomingResponse } from './incoming';
import { toMatchResponse } from './match';

interface DecisionResponseInput {
  outcome: DecisionOutcome;
  /** Every candidate of the record as it is now. */
  matches: MatchWithCustomer[];
  matchId: number | null;
}

/** The answer of both decision endpoints: the record, all its candidates, and what the decision changed. */
export function toDecisionResponse({ outcome, matches, matchId }: DecisionResponseInput) {
  const undo = outcome.undo;
  const decided = matches.find((match) => match.result.id === matchId);
  return {
    match: decided ? toMatchResponse(decided) : null,
    matches: matches.map(toMatchResponse),
    incoming_customer: toIncomingResponse(outcome.incoming),
    customer: outcome.customer ? toCustomerResponse(outcome.customer) : null,
    superseded_match_ids: outcome.superseded,
    undo: undo
      ? {
          effects: undo.effects,
          blockers: undo.blockers,
          reopened_match_ids: undo.reopenMatchIds,
          restored_fields: Object.keys(undo.restore),
          kept_fields: undo.keep,
          deleted_customer_id: undo.deleteCustomerId,
        }
      : null,
    dry_run: outcome.dryRun,
  };
}
