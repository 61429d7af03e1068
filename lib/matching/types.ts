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
}

export const CONFIDENCE_BANDS = ['exact', 'high', 'potential', 'low'] as const;
export type ConfidenceBand = (typeof CONFIDENCE_BANDS)[number];
