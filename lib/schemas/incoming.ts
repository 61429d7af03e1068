// Incoming customers: the same business fields as a customer; responses in the seed's names.
import { z } from 'zod';
import { PROCESSING_STATUSES, type IncomingCustomer } from '../db/schema';
import { MAX_PAGE_SIZE, idParam } from './common';
import { customerInputSchema, FIELD_LIMITS } from './customer';

export { customerInputSchema as incomingInputSchema };

export const incomingSubmitQuerySchema = z.object({
  match: z.enum(['true', 'false', '1', '0']).optional().transform((value) => value === 'true' || value === '1'),
});

export const incomingListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(50),
  cursor: idParam.optional(),
  status: z.enum(PROCESSING_STATUSES).optional(),
  q: z.string().trim().max(FIELD_LIMITS.companyName).optional(),
});

export type IncomingListQuery = z.output<typeof incomingListQuerySchema>;

export function toIncomingResponse(incoming: IncomingCustomer) {
  return {
    request_id: incoming.id,
    incoming_id: incoming.id,
    company_name: incoming.companyName,
    contact_name: incoming.contactName,
    email: incoming.email,
    phone: incoming.phone,
    address_line1: incoming.addressLine1,
    address_line2: incoming.addressLine2,
    city: incoming.city,
    state: incoming.state,
    state_province: incoming.state,
    postal_code: incoming.postalCode,
    country: incoming.country,
    industry: incoming.industry,
    revenue: incoming.revenue,
    annual_revenue: incoming.revenue,
    employee_count: incoming.employeeCount,
    website: incoming.website,
    description: incoming.description,
    date_of_birth: incoming.dateOfBirth,
    identifiers: incoming.identifiers,
    source_system: incoming.sourceSystem,
    source_id: incoming.sourceId,
    processing_status: incoming.processingStatus,
    request_date: incoming.receivedAt.toISOString(),
    processed_date: incoming.processedAt ? incoming.processedAt.toISOString() : null,
    error_message: incoming.errorMessage,
  };
}

export type IncomingResponse = ReturnType<typeof toIncomingResponse>;
