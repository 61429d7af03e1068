'use server';
// Queue actions: a one-key decision on the selected row, and bulk accept of exact matches.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { idParam } from '@/lib/schemas/common';
import { bulkAcceptSchema } from '@/lib/schemas/review-queue';
import { reviewInputSchema } from '@/lib/schemas/review';
import { bulkAcceptExact } from '@/lib/services/review-queue';
import { reviewMatch } from '@/lib/services/review';
import { actionErrorMessage } from '@/lib/ui/action-errors';
import { STALE_MATCH_MESSAGE } from '@/lib/ui/review-messages';
import { uiActionContext } from '@/lib/ui/session';

export interface QueueActionResult {
  ok: boolean;
  message: string;
}

const quickDecisionSchema = z.object({ resultId: idParam, version: z.number().int().min(1), decision: z.enum(['accept', 'reject', 'create_new']) });

const PAST_TENSE = { accept: 'accepted', reject: 'rejected', create_new: 'created as a new customer' } as const;

export async function quickDecisionAction(input: { resultId: number; version: number; decision: 'accept' | 'reject' | 'create_new' }): Promise<QueueActionResult> {
  const parsed = quickDecisionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'That decision could not be sent; reload the queue and try again.' };
  const { resultId, version, decision } = parsed.data;
  try {
    const ctx = await uiActionContext('review');
    await reviewMatch(ctx, resultId, reviewInputSchema.parse({ decision, expected_version: version }));
    revalidatePath('/review');
    return { ok: true, message: `Match #${resultId} ${PAST_TENSE[decision]}.` };
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return { ok: false, message: `Match #${resultId}: ${STALE_MATCH_MESSAGE.split(' Your notes')[0]}` };
    return { ok: false, message: actionErrorMessage(error, 'The decision was not saved because of a problem on our side; try again in a moment.') };
  }
}

export interface BulkAcceptResult extends QueueActionResult {
  accepted: number[];
  skipped: Array<{ id: number; reason: string }>;
}

export async function bulkAcceptAction(input: { matches: Array<{ id: number; version: number }> }): Promise<BulkAcceptResult> {
  const parsed = bulkAcceptSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: `Nothing was accepted: ${parsed.error.issues[0]?.message ?? 'invalid selection'}.`, accepted: [], skipped: [] };
  try {
    const ctx = await uiActionContext('review');
    const outcome = await bulkAcceptExact(ctx, parsed.data);
    revalidatePath('/review');
    const skipped = outcome.skipped.length ? ` ${outcome.skipped.length} left unchanged.` : '';
    return { ok: outcome.skipped.length === 0, message: `Accepted ${outcome.accepted.length} of ${parsed.data.matches.length} exact matches.${skipped}`, ...outcome };
  } catch (error) {
    return { ok: false, message: actionErrorMessage(error, 'Bulk accept stopped because of a problem on our side; reload the queue to see what was saved.'), accepted: [], skipped: [] };
  }
}
