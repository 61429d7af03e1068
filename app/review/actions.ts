'use server';
// Queue actions: a one-key decision on the selected row, and bulk accept of exact matches — through the
// same resolution service as the match page and the API.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { idParam } from '@/lib/schemas/common';
import { bulkAcceptSchema } from '@/lib/schemas/review-queue';
import { bulkAcceptExact, type BulkAcceptOutcome } from '@/lib/services/review-queue';
import { reviewMatch } from '@/lib/services/resolution';
import { stewardAction } from '@/lib/ui/steward-action';

const quickDecisionSchema = z.object({ resultId: idParam, version: z.number().int().min(1), decision: z.enum(['accept', 'reject', 'create_new']) });

const PAST_TENSE = { accept: 'accepted', reject: 'rejected', create_new: 'created as a new customer' } as const;

export interface QuickDecisionOutcome {
  message: string;
  /** The candidate's version after the decision: what undo sends. */
  version: number;
}

export const quickDecisionAction = stewardAction('review', quickDecisionSchema, async (ctx, { resultId, version, decision }): Promise<QuickDecisionOutcome> => {
  const outcome = await reviewMatch(ctx, resultId, { decision, expected_version: version, notes: null, reviewer: null, merge_fields: undefined });
  revalidatePath('/review');
  revalidatePath('/dashboard');
  return { message: `Match #${resultId} ${PAST_TENSE[decision]}.`, version: outcome.result?.version ?? version + 1 };
});

const undoSchema = z.object({ resultId: idParam, version: z.number().int().min(1) });

/** The queue's undo: the same reopen as "Change decision" / "Undo rejection" on the match page. */
export const undoDecisionAction = stewardAction('review', undoSchema, async (ctx, { resultId, version }) => {
  await reviewMatch(ctx, resultId, { decision: 'reopen', expected_version: version, notes: 'Undone from the review queue', reviewer: null, merge_fields: undefined });
  revalidatePath('/review');
  revalidatePath('/dashboard');
  return `Match #${resultId} is open again.`;
});

export const bulkAcceptAction = stewardAction(
  'review',
  bulkAcceptSchema,
  async (ctx, input): Promise<BulkAcceptOutcome & { message: string }> => {
    const outcome = await bulkAcceptExact(ctx, input);
    revalidatePath('/review');
    revalidatePath('/dashboard');
    const skipped = outcome.skipped.length ? ` ${outcome.skipped.length} left unchanged.` : '';
    return { ...outcome, message: `Accepted ${outcome.accepted.length} of ${input.matches.length} exact matches.${skipped}` };
  },
  { fallback: 'Bulk accept stopped because of a problem on our side; reload the queue to see what was saved.' },
);
