// Customers in the API's response shape: the seed's names (customer_id, state_province, annual_revenue)
// plus the CSV names, mapped from stored rows.
import type { Customer, IncomingCustomer } from '../../db/schema';
import type { LinkedRecord } from '../../domain/linked-record';
import type { CustomerWithLinkedRecords } from '../../services/linked-records';

/** The business fields in the seed's response names (and the CSV names), shared by customers and incoming records. */
export function businessFieldsResponse(row: Customer | IncomingCustomer) {
  return {
    company_name: row.companyName,
    contact_name: row.contactName,
    email: row.email,
    phone: row.phone,
    address_line1: row.addressLine1,
    address_line2: row.addressLine2,
    city: row.city,
    state: row.state,
    state_province: row.state,
    postal_code: row.postalCode,
    country: row.country,
    industry: row.industry,
    revenue: row.revenue,
    annual_revenue: row.revenue,
    employee_count: row.employeeCount,
    website: row.website,
    description: row.description,
    date_of_birth: row.dateOfBirth,
    identifiers: row.identifiers,
    source_system: row.sourceSystem,
    source_id: row.sourceId,
  };
}

/** The seed's response shape (customer_id, created_date, updated_date, state_province, annual_revenue) plus CSV names. */
export function toCustomerResponse(customer: Customer) {
  return {
    customer_id: customer.id,
    ...businessFieldsResponse(customer),
    // Stored while the embedding provider was down: found by exact keys and trigrams until reembed fills it.
    needs_embedding: customer.embeddingModel === null,
    created_date: customer.createdAt.toISOString(),
    updated_date: customer.updatedAt.toISOString(),
  };
}

export type CustomerResponse = ReturnType<typeof toCustomerResponse>;

function toLinkedRecordResponse(record: LinkedRecord) {
  return {
    incoming_id: record.incomingId,
    source_system: record.sourceSystem,
    source_id: record.sourceId,
    company_name: record.companyName,
    contact_name: record.contactName,
    city: record.city,
    country: record.country,
    decision: record.decision,
    decided_by: record.decidedBy,
    decided_date: record.decidedAt?.toISOString() ?? null,
    match_id: record.matchId,
    review_path: record.reviewPath,
  };
}

/** GET /customers/{id}: the customer and the source records resolved onto it. */
export function toCustomerDetailResponse({ customer, linkedRecords, linkedRecordsTotal }: CustomerWithLinkedRecords) {
  return { ...toCustomerResponse(customer), linked_records: linkedRecords.map(toLinkedRecordResponse), linked_records_total: linkedRecordsTotal };
}
