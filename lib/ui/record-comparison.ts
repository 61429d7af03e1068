// Incoming vs existing customer, field by field, with what differs said in words (not only in colour).
import { MERGEABLE_FIELDS } from '../schemas/review';

export type MergeableField = (typeof MERGEABLE_FIELDS)[number];
export type FieldAgreement = 'same' | 'differs' | 'only_incoming' | 'only_customer' | 'both_empty';

export interface FieldComparison {
  field: MergeableField;
  incoming: string | null;
  customer: string | null;
  agreement: FieldAgreement;
}

type BusinessRecord = Partial<Record<
  'companyName' | 'contactName' | 'email' | 'phone' | 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode' | 'country' | 'industry' | 'revenue' | 'employeeCount' | 'website' | 'description',
  string | number | null
>>;

const PROPERTY: Record<MergeableField, keyof BusinessRecord> = {
  company_name: 'companyName', contact_name: 'contactName', email: 'email', phone: 'phone', address_line1: 'addressLine1',
  address_line2: 'addressLine2', city: 'city', state: 'state', postal_code: 'postalCode', country: 'country', industry: 'industry',
  revenue: 'revenue', employee_count: 'employeeCount', website: 'website', description: 'description',
};

function text(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const shown = String(value).trim();
  return shown === '' ? null : shown;
}

/** Case, spacing and punctuation do not make a value "different" to a reader. */
function comparable(value: string): string {
  return value.toLowerCase().replace(/[\s.,\-()]+/g, '');
}

export function agreementOf(incoming: string | null, customer: string | null): FieldAgreement {
  if (incoming === null && customer === null) return 'both_empty';
  if (incoming === null) return 'only_customer';
  if (customer === null) return 'only_incoming';
  return comparable(incoming) === comparable(customer) ? 'same' : 'differs';
}

export function compareRecords(incoming: BusinessRecord, customer: BusinessRecord): FieldComparison[] {
  return MERGEABLE_FIELDS.map((field) => {
    const left = text(incoming[PROPERTY[field]]);
    const right = text(customer[PROPERTY[field]]);
    return { field, incoming: left, customer: right, agreement: agreementOf(left, right) };
  });
}

/** Fields a merge could take from the incoming record, and whether to pre-select them (the customer has nothing there). */
export function mergeChoices(comparisons: FieldComparison[]): Array<FieldComparison & { preselected: boolean }> {
  return comparisons
    .filter((comparison) => comparison.agreement === 'differs' || comparison.agreement === 'only_incoming')
    .map((comparison) => ({ ...comparison, preselected: comparison.agreement === 'only_incoming' }));
}

export const AGREEMENT_TEXT: Record<FieldAgreement, string> = {
  same: 'Same',
  differs: 'Differs',
  only_incoming: 'Only incoming',
  only_customer: 'Only customer',
  both_empty: 'Both empty',
};
