// A steward's decision: on one candidate (POST /matches/{id}/review) or on the incoming record itself
// (POST /customers/incoming/{id}/decision). Both carry the version the steward saw.
import { z } from 'zod';
import { blockFieldNames, blockOfField, MERGE_BLOCK_NAMES, type MergeBlock } from '../domain/merge';
import { MATCH_DECISIONS, RECORD_DECISIONS } from '../domain/resolution';
import { REVIEW_COLUMN_LENGTHS, TEXT_POLICY_LENGTHS } from './column-limits';
import { idParam, optionalText } from './common';

/** Block names; a field inside a multi-field block is refused with the block to send instead. */
const mergeBlocksSchema = z
  .array(z.string())
  .max(MERGE_BLOCK_NAMES.length * 6)
  .superRefine((names, ctx) => {
    for (const name of names) {
      if ((MERGE_BLOCK_NAMES as string[]).includes(name)) continue;
      const block = blockOfField(name);
      ctx.addIssue({
        code: 'custom',
        message: block
          ? `"${name}" moves with its block: send "${block}" (${blockFieldNames(block).join(', ')}) so one address or contact is never mixed with another`
          : `"${name}" is not a merge block; use one of ${MERGE_BLOCK_NAMES.join(', ')}`,
      });
    }
  })
  .transform((names) => [...new Set(names)] as MergeBlock[]);

const common = {
  expected_version: z.number({ message: 'is required: send the version you reviewed' }).int().min(1),
  notes: optionalText(TEXT_POLICY_LENGTHS.reviewNotes),
  /** With reopen: say what would be undone, change nothing. */
  dry_run: z.boolean().optional(),
};

export const reviewInputSchema = z
  .object({
    decision: z.enum(MATCH_DECISIONS, { message: `must be one of ${MATCH_DECISIONS.join(', ')}` }),
    ...common,
    reviewer: optionalText(REVIEW_COLUMN_LENGTHS.reviewer),
    /** For merge: which blocks of the incoming record replace the customer's (default: only blocks the customer lacks). */
    merge_fields: mergeBlocksSchema.optional(),
  })
  .refine((input) => input.decision === 'merge' || input.merge_fields === undefined, {
    message: 'merge_fields is only allowed with decision "merge"',
    path: ['merge_fields'],
  })
  .refine((input) => input.decision === 'reopen' || input.dry_run === undefined, { message: 'dry_run is only allowed with decision "reopen"', path: ['dry_run'] });

export type ReviewInput = z.output<typeof reviewInputSchema>;

export const recordDecisionSchema = z
  .object({
    decision: z.enum(RECORD_DECISIONS, { message: `must be one of ${RECORD_DECISIONS.join(', ')}` }),
    ...common,
  })
  .refine((input) => input.decision === 'reopen' || input.dry_run === undefined, { message: 'dry_run is only allowed with decision "reopen"', path: ['dry_run'] });

export type RecordDecisionInput = z.output<typeof recordDecisionSchema>;

const formList = (value: unknown) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).filter((item) => item !== ''));

/** Parses `value` with `schema` inside a transform, reporting its issues as the outer schema's. */
function within<S extends z.ZodType>(schema: S, value: unknown, ctx: z.RefinementCtx): z.output<S> | typeof z.NEVER {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
}

/** The match page's form: the same review input, from form fields (merge blocks as repeated checkboxes). */
export const reviewFormSchema = z
  .object({
    resultId: z.unknown(),
    decision: z.unknown(),
    version: z.coerce.number(),
    notes: z.string().optional(),
    merge_fields: z.preprocess(formList, z.array(z.string()).optional()),
    dry_run: z.enum(['true', 'false']).optional(),
  })
  .transform((form, ctx) => ({
    resultId: within(idParam, form.resultId, ctx) as number,
    review: within(
      reviewInputSchema,
      {
        decision: form.decision,
        expected_version: form.version,
        notes: form.notes,
        merge_fields: form.decision === 'merge' ? (form.merge_fields ?? []) : undefined,
        dry_run: form.dry_run === undefined ? undefined : form.dry_run === 'true',
      },
      ctx,
    ) as ReviewInput,
  }));

/** The record page's form (and the queue's buttons on records without a candidate). */
export const recordDecisionFormSchema = z
  .object({ incomingId: z.unknown(), decision: z.unknown(), version: z.coerce.number(), notes: z.string().optional() })
  .transform((form, ctx) => ({
    incomingId: within(idParam, form.incomingId, ctx) as number,
    decision: within(recordDecisionSchema, { decision: form.decision, expected_version: form.version, notes: form.notes }, ctx) as RecordDecisionInput,
  }));
