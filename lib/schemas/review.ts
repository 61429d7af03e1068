// A steward's decision on one match result, with optimistic locking on its version.
import { z } from 'zod';
import { REVIEW_DECISIONS } from '../db/schema';
import { optionalText } from './common';

/** Business fields a merge may copy from the incoming record onto the existing customer. */
export const MERGEABLE_FIELDS = [
  'company_name', 'contact_name', 'email', 'phone', 'address_line1', 'address_line2', 'city', 'state', 'postal_code',
  'country', 'industry', 'revenue', 'employee_count', 'website', 'description',
] as const;

export const reviewInputSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { message: `must be one of ${REVIEW_DECISIONS.join(', ')}` }),
    expected_version: z.number({ message: 'is required: send the version you reviewed (from the match)' }).int().min(1),
    notes: optionalText(2000),
    reviewer: optionalText(200),
    /** For merge: which incoming fields overwrite the customer's (default: fill only the customer's empty fields). */
    merge_fields: z.array(z.enum(MERGEABLE_FIELDS)).max(MERGEABLE_FIELDS.length).optional(),
  })
  .refine((input) => input.decision === 'merge' || input.merge_fields === undefined, {
    message: 'merge_fields is only allowed with decision "merge"',
    path: ['merge_fields'],
  });

export type ReviewInput = z.output<typeof reviewInputSchema>;
