// Incoming customers: the same business fields as a customer, and how a list of them is asked for.
import { z } from 'zod';
import { INCOMING_STATES } from '../domain/resolution';
import { MAX_PAGE_SIZE, idParam } from './common';
import { customerInputSchema, FIELD_LIMITS } from './customer';

export { customerInputSchema as incomingInputSchema };

export const incomingSubmitQuerySchema = z.object({
  match: z.enum(['true', 'false', '1', '0']).optional().transform((value) => value === 'true' || value === '1'),
});

export const incomingListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(50),
  cursor: idParam.optional(),
  status: z.enum(INCOMING_STATES).optional(),
  q: z.string().trim().max(FIELD_LIMITS.companyName).optional(),
});

export type IncomingListQuery = z.output<typeof incomingListQuerySchema>;
