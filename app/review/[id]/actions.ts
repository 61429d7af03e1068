'use server';
// A steward's decision on one match from the detail page: the API's review schema, the result's version
// for optimistic locking, and a plain message when someone else decided first.
import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import { idParam } from '@/lib/schemas/common';
import { reviewInputSchema } from '@/lib/schemas/review';
import type { ReviewDecision } from '@/lib/db/schema';
import { reviewMatch } from '@/lib/services/review';
import { actionErrorMessage } from '@/lib/ui/action-errors';
import { STALE_MATCH_MESSAGE } from '@/lib/ui/review-messages';
import { uiActionContext } from '@/lib/ui/session';

export interface ReviewFormState {
  outcome?: { decision: ReviewDecision; customerId: number | null; customerName: string | null; version: number; auditHref: string };
  conflict?: boolean;
  message?: string;
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

export async function reviewDecisionAction(_previous: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const resultId = idParam.safeParse(text(form, 'resultId'));
  if (!resultId.success) return { message: 'This page lost track of which match it shows; reload it.' };
  const decision = text(form, 'decision');
  const parsed = reviewInputSchema.safeParse({
    decision,
    expected_version: Number(text(form, 'version')),
    notes: text(form, 'notes'),
    merge_fields: decision === 'merge' ? form.getAll('merge_fields').map(String) : undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { message: `The decision could not be sent: ${issue?.path.join('.') || 'form'} ${issue?.message ?? 'is invalid'}. Reload the page and try again.` };
  }
  try {
    const ctx = await uiActionContext('review');
    const outcome = await reviewMatch(ctx, resultId.data, parsed.data);
    revalidatePath(`/review/${resultId.data}`);
    revalidatePath('/review');
    return {
      outcome: {
        decision: parsed.data.decision,
        customerId: outcome.customer?.id ?? null,
        customerName: outcome.customer?.companyName ?? null,
        version: outcome.result.version,
        auditHref: `/audit-log?entity_type=matching_result&entity_id=${resultId.data}`,
      },
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return { conflict: true, message: STALE_MATCH_MESSAGE };
    return { message: actionErrorMessage(error, 'The decision was not saved because of a problem on our side; try again in a moment.') };
  }
}
