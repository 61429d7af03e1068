// Incoming vs existing customer, field by field, with what differs said in words (not only in colour).
import { normalizeDate } from '../matching/normalize/date';
import { normalizeIdentifiers } from '../matching/normalize/identifier';
import { MERGEABLE_FIELDS } from '../schemas/review';

export type MergeableField = (typeof MERGEABLE_FIELDS)[number];
/** Also shown side by side, never taken over by a merge: what identifies the customer. */
export type ComparedField = MergeableField | 'date_of_birth' | 'identifiers';
export type FieldAgreement = 'same' | 'differs' | 'only_incoming' | 'only_customer' | 'both_empty';

export interface FieldComparison<F extends ComparedField = ComparedField> {
  field: F;
  incoming: string | null;
  customer: string | null;
  agreement: FieldAgreement;
}

type RecordIdentifier = { type: string; value: string; country?: string | null };

type BusinessRecord = Partial<Record<
  'companyName' | 'contactName' | 'email' | 'phone' | 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode' | 'country' | 'industry' | 'revenue' | 'employeeCount' | 'website' | 'description' | 'dateOfBirth',
  string | number | null
>> & { identifiers?: RecordIdentifier[] | null };

const PROPERTY: Record<MergeableField, Exclude<keyof BusinessRecord, 'identifiers' | 'dateOfBirth'>> = {
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

/** "EIN 59-1111111 (US); passport X123 (GB)", sorted so that the order they were given in does not make them differ. */
function identifiersText(identifiers: RecordIdentifier[] | null | undefined): string | null {
  if (!identifiers || identifiers.length === 0) return null;
  return identifiers
    .map(({ type, value, country }) => `${type} ${value}${country ? ` (${country})` : ''}`)
    .sort()
    .join('; ');
}

function compared<F extends ComparedField>(field: F, left: string | null, right: string | null, sameValue?: () => boolean): FieldComparison<F> {
  const agreement = agreementOf(left, right);
  // Where the engine reads both values as one (05/06/1980 and 1980-05-06), so does the table.
  return { field, incoming: left, customer: right, agreement: agreement === 'differs' && sameValue?.() ? 'same' : agreement };
}

/** The numbers as the engine compares them: type and value, issuer left aside (one side may not say it). */
function identifierSet(identifiers: RecordIdentifier[] | null | undefined): string {
  return [...new Set(normalizeIdentifiers(identifiers).map(({ type, label, value }) => `${type}|${label}|${value}`))].sort().join(' ');
}

function sameDate(a: string | null | undefined, b: string | null | undefined): boolean {
  const [x, y] = [normalizeDate(a), normalizeDate(b)];
  return x !== null && y !== null && x.text === y.text;
}

export function compareRecords(incoming: BusinessRecord, customer: BusinessRecord): FieldComparison[] {
  return [
    ...MERGEABLE_FIELDS.map((field) => compared(field, text(incoming[PROPERTY[field]]), text(customer[PROPERTY[field]]))),
    compared('date_of_birth', text(incoming.dateOfBirth), text(customer.dateOfBirth), () => sameDate(text(incoming.dateOfBirth), text(customer.dateOfBirth))),
    compared('identifiers', identifiersText(incoming.identifiers), identifiersText(customer.identifiers), () => identifierSet(incoming.identifiers) === identifierSet(customer.identifiers)),
  ];
}

function isMergeable(comparison: FieldComparison): comparison is FieldComparison<MergeableField> {
  return (MERGEABLE_FIELDS as readonly string[]).includes(comparison.field);
}

/** Fields a merge could take from the incoming record, and whether to pre-select them (the customer has nothing there). */
export function mergeChoices(comparisons: FieldComparison[]): Array<FieldComparison<MergeableField> & { preselected: boolean }> {
  return comparisons
    .filter(isMergeable)
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
