// A batch of incoming records: each row is validated on its own, good rows are stored (and matched if
// asked), bad rows are reported with their field problems — nothing silently dropped.
import { fieldProblems, type FieldProblem } from '../http/validate';
import { customerInputSchema } from '../schemas/customer';
import type { ServiceContext } from './context';
import { submitIncomingBulk } from './incoming';
import { matchIncoming } from './matching';

export type BatchItemResult =
  | { index: number; status: 'stored'; incoming_id: number; processing_status: string; best_match?: { customer_id: number; match_probability: number; confidence_band: string } | null }
  | { index: number; status: 'rejected'; errors: FieldProblem[] };

export interface BatchOutcome {
  received: number;
  stored: number;
  rejected: number;
  results: BatchItemResult[];
}

export async function submitIncomingBatch(ctx: ServiceContext, records: unknown[], options: { match: boolean }): Promise<BatchOutcome> {
  const results: BatchItemResult[] = new Array(records.length);
  const valid: Array<{ index: number; input: ReturnType<typeof customerInputSchema.parse> }> = [];
  records.forEach((record, index) => {
    const parsed = customerInputSchema.safeParse(record);
    if (parsed.success) valid.push({ index, input: parsed.data });
    else results[index] = { index, status: 'rejected', errors: fieldProblems(parsed.error) };
  });
  const ids = await submitIncomingBulk(ctx, valid.map((item) => item.input));
  for (let i = 0; i < valid.length; i += 1) {
    const { index } = valid[i];
    if (!options.match) {
      results[index] = { index, status: 'stored', incoming_id: ids[i], processing_status: 'pending' };
      continue;
    }
    const outcome = await matchIncoming(ctx, ids[i]);
    const best = outcome.matches[0];
    results[index] = {
      index,
      status: 'stored',
      incoming_id: ids[i],
      processing_status: outcome.incoming.processingStatus,
      best_match: best ? { customer_id: best.result.customerId, match_probability: best.result.matchProbability, confidence_band: best.result.confidenceBand } : null,
    };
  }
  return { received: records.length, stored: valid.length, rejected: records.length - valid.length, results };
}
