// Audit log listing (admin).
import { z } from 'zod';
import { MAX_PAGE_SIZE, idParam } from './common';

export const auditListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(50),
  cursor: idParam.optional(),
  entity_type: z.string().trim().max(40).optional(),
  entity_id: z.string().trim().max(60).optional(),
  action: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(200).optional(),
});
