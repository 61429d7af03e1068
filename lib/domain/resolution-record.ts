// What a resolving decision did, stored on the incoming record (incoming_customers.resolution), so that
// "Change decision" can say what it will undo and then undo exactly that.
import { z } from 'zod';

const mergeValue = z.union([z.string(), z.number(), z.null()]);

export const resolutionSchema = z.object({
  decision: z.enum(['accept', 'merge', 'create_new', 'dismiss']),
  /** The candidate the decision was taken on (null for a record-level decision). */
  match_id: z.number().int().nullable(),
  /** The customer linked to, merged into or created (null when dismissed). */
  customer_id: z.number().int().nullable(),
  /** The state the record returns to when the decision is undone, if no candidate reopens. */
  previous_state: z.enum(['matched', 'no_match', 'error']),
  /** Candidates this decision closed (the chosen one and the superseded siblings): reopened on undo. */
  closed_match_ids: z.array(z.number().int()),
  /** Merge: each field written, with the customer's value before and the value written. */
  merged: z.record(z.string(), z.object({ before: mergeValue, after: mergeValue })).optional(),
  by: z.string(),
  at: z.string(),
  notes: z.string().nullable(),
  /** Resolved before decisions were recorded this way: what it did is known only in part. */
  legacy: z.boolean().optional(),
});

export type Resolution = z.infer<typeof resolutionSchema>;

export function readResolution(value: unknown): Resolution | null {
  const parsed = resolutionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The current state of what undoing would touch, read by the service. */
export interface UndoContext {
  resolution: Resolution;
  /** Merge: the customer's current value of each merged field. */
  currentValues?: Record<string, string | number | null>;
  /** Create new: other incoming records now linked to the customer this record created. */
  otherLinkedRecords?: number[];
  /** Create new: whether the created customer still exists. */
  createdCustomerExists?: boolean;
}

export interface UndoPlan {
  reopenMatchIds: number[];
  /** Merge: fields set back to the customer's value before the merge. */
  restore: Record<string, string | number | null>;
  /** Merge: fields changed since the merge, left as they are now. */
  keep: string[];
  /** Create new: the customer to delete. */
  deleteCustomerId: number | null;
  /** Why it cannot be undone now (empty when it can). */
  blockers: string[];
  /** What will happen, in sentences for the steward. */
  effects: string[];
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

/** What "Change decision" will do, from what the decision did and what has happened since. */
export function planUndo({ resolution, currentValues = {}, otherLinkedRecords = [], createdCustomerExists = true }: UndoContext): UndoPlan {
  const plan: UndoPlan = { reopenMatchIds: resolution.closed_match_ids, restore: {}, keep: [], deleteCustomerId: null, blockers: [], effects: [] };
  const candidates = plan.reopenMatchIds.length;
  const reopenText = candidates > 0 ? `${candidates} ${candidates === 1 ? 'candidate goes' : 'candidates go'} back to the review queue` : 'the record goes back to the review queue as "no match: decide"';
  switch (resolution.decision) {
    case 'accept':
      plan.effects.push(`The link to customer #${resolution.customer_id} is removed; the customer itself is not changed.`);
      break;
    case 'merge': {
      for (const [field, { before, after }] of Object.entries(resolution.merged ?? {})) {
        if (same(currentValues[field], after)) plan.restore[field] = before;
        else plan.keep.push(field);
      }
      const restored = Object.keys(plan.restore);
      plan.effects.push(
        restored.length > 0
          ? `Customer #${resolution.customer_id} gets back its values before the merge for ${restored.join(', ')}.`
          : `The link to customer #${resolution.customer_id} is removed; no merged value is still in place to restore.`,
      );
      if (plan.keep.length > 0) plan.effects.push(`Changed since the merge and left as they are: ${plan.keep.join(', ')}.`);
      break;
    }
    case 'create_new':
      if (resolution.customer_id === null || !createdCustomerExists) {
        plan.effects.push('The customer created from this record no longer exists; nothing is deleted.');
      } else if (otherLinkedRecords.length > 0) {
        plan.blockers.push(
          `Customer #${resolution.customer_id}, created from this record, is now linked to incoming ${otherLinkedRecords.map((id) => `#${id}`).join(', ')}; change those decisions first.`,
        );
      } else {
        plan.deleteCustomerId = resolution.customer_id;
        plan.effects.push(`Customer #${resolution.customer_id}, created from this record, is deleted.`);
      }
      break;
    case 'dismiss':
      break;
  }
  if (resolution.legacy) plan.effects.push('This decision was taken before decisions were recorded in full: only the link is undone.');
  plan.effects.push(`The record is open again: ${reopenText}.`);
  return plan;
}
