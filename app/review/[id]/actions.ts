'use server';
// Decisions from the match page and the record page: one service call each, through stewardAction.
import { revalidatePath } from 'next/cache';
import { recordDecisionFormSchema, reviewFormSchema } from '@/lib/schemas/review';
import { decideIncoming, reviewMatch, type DecisionOutcome } from '@/lib/services/resolution';
import { stewardAction } from '@/lib/ui/steward-action';
import { decisionSummary } from '@/lib/ui/decision-summary';

function refresh(outcome: DecisionOutcome, matchId?: number) {
  revalidatePath('/review');
  revalidatePath(`/review/incoming/${outcome.incoming.id}`);
  if (matchId) revalidatePath(`/review/${matchId}`);
  revalidatePath('/dashboard');
  return decisionSummary(outcome);
}

export const decideMatchAction = stewardAction('review', reviewFormSchema, async (ctx, { resultId, review }) =>
  refresh(await reviewMatch(ctx, resultId, review), resultId),
);

export const decideRecordAction = stewardAction('review', recordDecisionFormSchema, async (ctx, { incomingId, decision }) =>
  refresh(await decideIncoming(ctx, incomingId, decision)),
);
