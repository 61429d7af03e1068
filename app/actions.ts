'use server';
// Submit & match: validate the incoming record with the API's schema, store it, match it, return the ranking.
import { customerInputSchema } from '@/lib/schemas/customer';
import { receiveIncoming } from '@/lib/services/incoming';
import { matchesForIncoming, matchIncoming } from '@/lib/services/matching';
import { STATE_LABELS } from '@/lib/domain/resolution';
import { formatDateTime } from '@/lib/ui/format';
import { INCOMING_FIELD_LABELS } from '@/lib/ui/incoming-fields';
import { toMatchSummary, type MatchSummary } from '@/lib/ui/match-summary';
import { stewardAction, withFormState } from '@/lib/ui/steward-action';

export interface SubmitMatchResult {
  incomingId: number;
  companyName: string;
  candidateCount: number | null;
  processingTimeMs: number;
  matches: MatchSummary[];
  /** Received before: the stored record and its matches are shown, nothing new was stored. */
  resubmittedNote: string | null;
}

export const submitAndMatchAction = withFormState(
  stewardAction(
    'write',
    customerInputSchema,
    async (ctx, record): Promise<SubmitMatchResult> => {
      const started = performance.now();
      const { incoming, resubmitted } = await receiveIncoming(ctx, { ...record, sourceSystem: 'steward-ui' });
      // A record sent again is matched only while it still waits; otherwise its stored matches are shown.
      const matched = !resubmitted || incoming.processingStatus === 'pending' ? await matchIncoming(ctx, incoming.id) : null;
      const outcome = matched ?? (await matchesForIncoming(ctx, incoming.id));
      return {
        incomingId: incoming.id,
        companyName: incoming.companyName ?? '',
        candidateCount: matched ? matched.candidateCount : null,
        processingTimeMs: Math.round(performance.now() - started),
        matches: outcome.matches.map((match) => toMatchSummary(match)),
        resubmittedNote: resubmitted
          ? `This record was already received on ${formatDateTime(incoming.receivedAt)} as incoming #${incoming.id} (${STATE_LABELS[outcome.incoming.processingStatus].toLowerCase()}); nothing new was stored.`
          : null,
      };
    },
    { fields: INCOMING_FIELD_LABELS, fallback: 'Matching failed on our side; try again in a moment. Nothing you typed was lost.' },
  ),
);
