'use server';
// "Match now" after importing incoming records: the same batch matching as `npm run match -- --pending`,
// bounded per click so a request never runs for minutes; the worker or the CLI takes any larger backlog.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { batchMatchTotal, runBatchMatch } from '@/lib/services/batch-matching';
import { stewardAction } from '@/lib/ui/steward-action';

/** Records matched per click: about a minute at the embedded database's pace; more waits for the next click. */
const MATCH_NOW_LIMIT = 300;

export interface MatchNowOutcome {
  matched: number;
  noMatch: number;
  failed: number;
  exact: number;
  /** Still waiting after this run. */
  remaining: number;
}

export const matchPendingAction = stewardAction('write', z.object({}), async (ctx): Promise<MatchNowOutcome> => {
  const summary = await runBatchMatch(ctx, { mode: { kind: 'pending' }, limit: MATCH_NOW_LIMIT });
  revalidatePath('/review');
  revalidatePath('/dashboard');
  return {
    matched: summary.matched,
    noMatch: summary.noMatch,
    failed: summary.failed,
    exact: summary.byBand.exact,
    remaining: await batchMatchTotal(ctx, { mode: { kind: 'pending' } }),
  };
});
