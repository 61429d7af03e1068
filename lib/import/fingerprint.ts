// A row's content as one hash: two rows with the same business fields hash the same however they
// were spelled in the file (key order, "1,000" vs 1000, surrounding blanks), and a stored row hashes
// like the row that wrote it. Used to skip unchanged rows and to identify rows without a source_id.
import { createHash } from 'node:crypto';
import type { CustomerFields } from '@/lib/schemas/customer';

type BusinessFields = Omit<CustomerFields, 'sourceSystem' | 'sourceId'>;

/** The order is fixed so the hash does not depend on how an object was built. */
const FIELD_ORDER = [
  'companyName', 'contactName', 'email', 'phone', 'addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'country',
  'industry', 'revenue', 'employeeCount', 'website', 'description', 'dateOfBirth', 'identifiers',
] as const satisfies ReadonlyArray<keyof BusinessFields>;

/** Revenue is stored as numeric(18,2): compare at that precision, or every re-import would look changed. */
const cents = (value: number) => Math.round(value * 100) / 100;

function canonicalIdentifiers(list: BusinessFields['identifiers'] | Array<{ type: string; value: string; country?: string | null }>) {
  if (!list || list.length === 0) return null;
  return list.map((identifier) => [identifier.type, identifier.value, identifier.country ?? null]);
}

/** sha256 (hex) of the business fields in canonical form. */
export function contentFingerprint(fields: { [K in keyof BusinessFields]?: unknown }): string {
  const values = FIELD_ORDER.map((key) => {
    const value = fields[key] ?? null;
    if (key === 'revenue' && typeof value === 'number') return cents(value);
    if (key === 'revenue' && typeof value === 'string') return cents(Number(value));
    if (key === 'identifiers') return canonicalIdentifiers(value as BusinessFields['identifiers']);
    return value;
  });
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

/** The source_id of a row that has none: stable across re-imports of the same content. */
export function derivedSourceId(fingerprint: string): string {
  return `sha256:${fingerprint}`;
}
