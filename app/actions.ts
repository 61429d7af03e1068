'use server';
// Submit & match: validate the incoming record with the API's schema, store it, match it, return the ranking.
import { customerInputSchema } from '@/lib/schemas/customer';
import { submitIncoming } from '@/lib/services/incoming';
import { matchIncoming } from '@/lib/services/matching';
import { actionErrorMessage } from '@/lib/ui/action-errors';
import { fieldErrors, formFields } from '@/lib/ui/form-data';
import { INCOMING_FIELD_LABELS, INCOMING_FIELD_NAMES } from '@/lib/ui/incoming-fields';
import { toMatchSummary, type MatchSummary } from '@/lib/ui/match-summary';
import { uiActionContext } from '@/lib/ui/session';

export interface SubmitMatchState {
  fieldErrors?: Record<string, string>;
  message?: string;
  result?: {
    incomingId: number;
    companyName: string;
    candidateCount: number;
    processingTimeMs: number;
    matches: MatchSummary[];
  };
}

export async function submitAndMatchAction(_previous: SubmitMatchState, form: FormData): Promise<SubmitMatchState> {
  const parsed = customerInputSchema.safeParse(formFields(form, INCOMING_FIELD_NAMES));
  if (!parsed.success) {
    return { fieldErrors: fieldErrors(parsed.error, INCOMING_FIELD_LABELS), message: 'Some fields need attention; see the messages beside them.' };
  }
  try {
    const ctx = await uiActionContext('write');
    const incoming = await submitIncoming(ctx, { ...parsed.data, sourceSystem: 'steward-ui' });
    const outcome = await matchIncoming(ctx, incoming.id);
    return {
      result: {
        incomingId: incoming.id,
        companyName: incoming.companyName ?? '',
        candidateCount: outcome.candidateCount,
        processingTimeMs: Math.round(outcome.processingTimeMs),
        matches: outcome.matches.map((match) => toMatchSummary(match)),
      },
    };
  } catch (error) {
    return { message: actionErrorMessage(error, 'Matching failed on our side; try again in a moment. Nothing you typed was lost.') };
  }
}
