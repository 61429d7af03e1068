// Customers in the API's response shape: the seed's names (customer_id, state_province, annual_revenue)
// plus the CSV names, mapped from stored rows.
import type { Customer, IncomingCustomer } from '../../db/schema';

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
