// Plain record shapes shared by the matching engine, the dataset adapters and the services.
// The engine takes these and nothing database- or framework-specific.

/** The business fields of a customer or an incoming customer, as they arrive (raw, unnormalised). */
export interface CustomerRecord {
  companyName?: string | null;
  contactName?: string | null;
  email?: string | null;
  phone?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  industry?: string | null;
  revenue?: number | null;
  employeeCount?: number | null;
  website?: string | null;
  description?: string | null;
  /** Persons only: date of birth as given (any common format; the engine normalises it). */
  dateOfBirth?: string | null;
  /** Registry and document identifiers: tax id, VAT, LEI, DUNS, national id, passport, SSN, driver's licence… */
  identifiers?: RecordIdentifier[] | null;
}

/** One identifier as given, e.g. { type: 'VAT', value: 'DE123456789' } or { type: 'passport', value: 'X1234', country: 'US' }. */
export interface RecordIdentifier {
  type: string;
  value: string;
  country?: string | null;
}

export const CONFIDENCE_BANDS = ['exact', 'high', 'potential', 'low'] as const;
export type ConfidenceBand = (typeof CONFIDENCE_BANDS)[number];

/**
 * Why a pair is kept out of the exact band however high its probability (compare-pair.ts exactHold):
 * 'contradiction' — some field contradicts it; 'identityDisagrees' — the company name or contact person differs
 * and neither agrees (the records share where a business is, not who it is); 'uncorroborated' — nothing beyond the names confirms it.
 */
export const EXACT_HOLDS = ['contradiction', 'identityDisagrees', 'uncorroborated'] as const;
export type ExactHold = (typeof EXACT_HOLDS)[number];
