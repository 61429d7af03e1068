// Incoming vs existing customer as the engine compared them: one row per comparison of the stored
// explanation (normalised values, the level in words), then any field no comparison covers, raw.
import { comparisonLabel, type LevelKind } from '../matching/level-labels';
import { normalizeDate } from '../matching/normalize/date';
import { normalizeIdentifiers } from '../matching/normalize/identifier';
import type { MatchCriteria, MatchCriteriaField } from '../schemas/explanation';
import { levelWords } from './explanation';

export type FieldAgreement = 'same' | 'close' | 'differs' | 'only_incoming' | 'only_customer' | 'both_empty';

export interface FieldComparison {
  key: string;
  label: string;
  /** As entered. */
  incoming: string | null;
  customer: string | null;
  /** As the engine compared them, when that differs from what was entered. */
  normalized: { incoming: string | null; customer: string | null } | null;
  agreement: FieldAgreement;
  /** The comparison in words ("same number after normalising", "different people"). */
  text: string;
  contradicts: boolean;
}

type RecordIdentifier = { type: string; value: string; country?: string | null };
type BusinessKey =
  | 'companyName' | 'contactName' | 'email' | 'phone' | 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode' | 'country'
  | 'industry' | 'revenue' | 'employeeCount' | 'website' | 'description' | 'dateOfBirth';
export type BusinessRecord = Partial<Record<BusinessKey, string | number | null>> & { identifiers?: RecordIdentifier[] | null };
type FieldKey = BusinessKey | 'identifiers';

/** The business fields behind each engine comparison. */
const COMPARED: Record<string, FieldKey[]> = {
  companyName: ['companyName'], legalForm: ['companyName'], identifier: ['identifiers'], personName: ['contactName'], contactName: ['contactName'],
  generation: ['contactName'], dateOfBirth: ['dateOfBirth'], email: ['email'], domain: ['website', 'email'], phone: ['phone'],
  street: ['addressLine1'], addressDetail: ['addressLine2'], locality: ['city', 'state', 'postalCode'], country: ['country'],
  industry: ['industry'], revenue: ['revenue'], employeeCount: ['employeeCount'],
};

const RAW_FIELDS: Array<[FieldKey, string]> = [
  ['companyName', 'Company name'], ['contactName', 'Contact person'], ['email', 'Email'], ['phone', 'Phone'], ['website', 'Website'],
  ['addressLine1', 'Street address'], ['addressLine2', 'Address line 2'], ['city', 'City'], ['state', 'State'], ['postalCode', 'Postal code'],
  ['country', 'Country'], ['industry', 'Industry'], ['revenue', 'Revenue'], ['employeeCount', 'Employees'], ['description', 'Description'],
  ['dateOfBirth', 'Date of birth'], ['identifiers', 'Registration or document number'],
];

function text(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const shown = String(value).trim();
  return shown === '' ? null : shown;
}

/** "EIN 59-1111111 (US); passport X123 (GB)", sorted so that the order they were given in does not make them differ. */
function identifiersText(identifiers: RecordIdentifier[] | null | undefined): string | null {
  if (!identifiers || identifiers.length === 0) return null;
  return identifiers.map(({ type, value, country }) => `${type} ${value}${country ? ` (${country})` : ''}`).sort().join('; ');
}

function shown(record: BusinessRecord, fields: FieldKey[]): string | null {
  const parts = fields.map((field) => (field === 'identifiers' ? identifiersText(record.identifiers) : text(record[field]))).filter((part): part is string => part !== null);
  return parts.length ? parts.join(', ') : null;
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

const KIND_AGREEMENT: Record<Exclude<LevelKind, 'missing'>, FieldAgreement> = { agree: 'same', close: 'close', disagree: 'differs' };

export const AGREEMENT_TEXT: Record<FieldAgreement, string> = {
  same: 'Same',
  close: 'Close',
  differs: 'Different',
  only_incoming: 'Only the incoming record has it',
  only_customer: 'Only the customer has it',
  both_empty: 'Both empty',
};

/** Of the comparisons over one set of fields, those with evidence; if none has, one row (not three "missing"). */
function shownComparisons(explanation: MatchCriteria): MatchCriteriaField[] {
  const byFields = new Map<string, MatchCriteriaField[]>();
  for (const field of explanation.fields) {
    if (!COMPARED[field.field]) continue;
    const key = COMPARED[field.field].join();
    byFields.set(key, [...(byFields.get(key) ?? []), field]);
  }
  const shown = new Set([...byFields.values()].flatMap((group) => {
    const withEvidence = group.filter((field) => field.level !== 'null');
    return withEvidence.length ? withEvidence : [group.find((field) => field.field === 'contactName') ?? group[0]];
  }));
  return explanation.fields.filter((field) => shown.has(field));
}

/** One row per comparison the score used, as the waterfall lists them (the whole-profile and competition terms stay there). */
function engineRows(incoming: BusinessRecord, customer: BusinessRecord, explanation: MatchCriteria): FieldComparison[] {
  return shownComparisons(explanation)
    .map((field) => {
      const fields = COMPARED[field.field];
      const level = levelWords(field.field, field.level);
      const [rawIncoming, rawCustomer] = [shown(incoming, fields), shown(customer, fields)];
      const [normIncoming, normCustomer] = [field.incoming ?? null, field.candidate ?? null];
      const normalizedDiffers = normIncoming !== rawIncoming || normCustomer !== rawCustomer;
      // Missing on a side means missing as the engine read it (a shared mailbox is no company domain), else as entered.
      const missing = normIncoming !== null || normCustomer !== null ? agreementOf(normIncoming, normCustomer) : agreementOf(rawIncoming, rawCustomer);
      const agreement = level.kind === 'missing' ? missing : KIND_AGREEMENT[level.kind];
      return {
        key: field.field,
        label: comparisonLabel(field.field),
        incoming: rawIncoming,
        customer: rawCustomer,
        normalized: normalizedDiffers && (normIncoming || normCustomer) ? { incoming: normIncoming, customer: normCustomer } : null,
        agreement,
        text: level.kind === 'missing' ? AGREEMENT_TEXT[agreement] : level.label,
        contradicts: field.contradicts === true,
      };
    })
    .filter((row) => row.agreement !== 'both_empty');
}

/** The numbers as the engine compares them: type and value, issuer left aside (one side may not say it). */
function identifierSet(identifiers: RecordIdentifier[] | null | undefined): string {
  return [...new Set(normalizeIdentifiers(identifiers).map(({ type, label, value }) => `${type}|${label}|${value}`))].sort().join(' ');
}

function rawRow(incoming: BusinessRecord, customer: BusinessRecord, field: FieldKey, label: string): FieldComparison {
  const [left, right] = [shown(incoming, [field]), shown(customer, [field])];
  let agreement = agreementOf(left, right);
  // Where the engine reads both values as one (05/06/1980 and 1980-05-06, EIN 59-1 and 591), so does the table.
  if (agreement === 'differs' && field === 'dateOfBirth' && normalizeDate(left)?.text === normalizeDate(right)?.text) agreement = 'same';
  if (agreement === 'differs' && field === 'identifiers' && identifierSet(incoming.identifiers) === identifierSet(customer.identifiers)) agreement = 'same';
  return { key: field, label, incoming: left, customer: right, normalized: null, agreement, text: AGREEMENT_TEXT[agreement], contradicts: false };
}

/** The engine's comparisons first (when an explanation is stored), then every field none of them covers. */
export function compareRecords(incoming: BusinessRecord, customer: BusinessRecord, explanation: MatchCriteria | null): FieldComparison[] {
  const rows = explanation ? engineRows(incoming, customer, explanation) : [];
  const compared = new Set(explanation ? explanation.fields.flatMap((field) => COMPARED[field.field] ?? []) : []);
  const rest = RAW_FIELDS.filter(([field]) => !compared.has(field)).map(([field, label]) => rawRow(incoming, customer, field, label));
  return [...rows, ...rest.filter((row) => row.agreement !== 'both_empty')];
}
