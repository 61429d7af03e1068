// The textbook comparison vector: each field as a lower-cased, trimmed raw string, with no domain
// normalisation at all (no legal forms, no E.164, no street types). Strings compared by
// Jaro-Winkler levels, everything else exactly; a missing side is the null level (no evidence).
import { jaroWinkler } from '@/lib/matching/compare/similarity';
import type { CustomerRecord } from '@/lib/matching/types';

/** Level index per field: 0 = exact, higher = weaker agreement; NULL_LEVEL = either side missing. */
export const NULL_LEVEL = -1;

/** Jaro-Winkler cut-offs of the usual Splink/fastLink textbook setting: exact / ≥ 0.92 / ≥ 0.80 / else. */
export const JARO_WINKLER_LEVELS = [0.92, 0.8] as const;

export type FieldKind = 'jaro_winkler' | 'exact';

export interface FieldComparison {
  field: keyof CustomerRecord;
  kind: FieldKind;
  /** Level names, index = level; the null level is not listed. */
  levels: readonly string[];
}

const JW_LEVEL_NAMES = ['exact', 'jw>=0.92', 'jw>=0.80', 'else'] as const;
const EXACT_LEVEL_NAMES = ['exact', 'else'] as const;

const jaroWinklerField = (field: keyof CustomerRecord): FieldComparison => ({ field, kind: 'jaro_winkler', levels: JW_LEVEL_NAMES });
const exactField = (field: keyof CustomerRecord): FieldComparison => ({ field, kind: 'exact', levels: EXACT_LEVEL_NAMES });

/**
 * Names and address strings get Jaro-Winkler levels; identifiers and postcode are compared
 * exactly. Left out, as a careful practitioner would: state and country (implied by city and
 * postcode — under the independence assumption a same-city pair would be credited three times,
 * and EM then learns "same region" as the match class), industry, revenue, head count and the
 * description (they describe a company, they do not identify it). A field no record in the set
 * carries stays at the null level.
 */
export const BASELINE_FIELDS: readonly FieldComparison[] = [
  jaroWinklerField('companyName'),
  jaroWinklerField('contactName'),
  jaroWinklerField('addressLine1'),
  jaroWinklerField('addressLine2'),
  jaroWinklerField('city'),
  exactField('postalCode'),
  exactField('email'),
  exactField('phone'),
  exactField('website'),
];

/** The only cleaning a textbook linker does: lower case and trim; empty is missing. */
export function rawValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toLowerCase();
  return text === '' ? null : text;
}

export function jaroWinklerLevel(left: string | null, right: string | null): number {
  if (left === null || right === null) return NULL_LEVEL;
  if (left === right) return 0;
  const similarity = jaroWinkler(left, right);
  const index = JARO_WINKLER_LEVELS.findIndex((cut) => similarity >= cut);
  return index === -1 ? JARO_WINKLER_LEVELS.length + 1 : index + 1;
}

export function exactLevel(left: string | null, right: string | null): number {
  if (left === null || right === null) return NULL_LEVEL;
  return left === right ? 0 : 1;
}

export type ComparisonVector = Int8Array;

/** One level per field of `fields`, in order. */
export function compareRecords(
  left: CustomerRecord,
  right: CustomerRecord,
  fields: readonly FieldComparison[] = BASELINE_FIELDS,
): ComparisonVector {
  const vector = new Int8Array(fields.length);
  fields.forEach((comparison, index) => {
    const a = rawValue(left[comparison.field]);
    const b = rawValue(right[comparison.field]);
    vector[index] = comparison.kind === 'jaro_winkler' ? jaroWinklerLevel(a, b) : exactLevel(a, b);
  });
  return vector;
}
