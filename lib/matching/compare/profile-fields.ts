// Comparisons of what the company is like: industry, size, and the whole-profile embedding.
import type { NormalizedRecord } from '../normalize/record';
import { industryRelation } from './industry';
import { companyNameComparison, personNameComparison } from './name-fields';
import { agreeLevel, closeLevel, disagreeLevel, nullOutcome, type ComparisonSignals, type FieldComparisonDefinition } from './types';

/** min/max ratio of two positive amounts; 1 = equal. */
function closeness(a: number, b: number): number {
  if (a === b) return 1;
  if (a <= 0 || b <= 0) return 0;
  return Math.min(a, b) / Math.max(a, b);
}

function numericComparison(field: 'revenue' | 'employeeCount', label: string, description: string): FieldComparisonDefinition {
  return {
    field,
    label,
    levels: [agreeLevel('within10pct', 'within 10%'), closeLevel('within50pct', 'within 50%'), disagreeLevel('else', 'far apart')],
    description: `${description}: within 10%, within a factor of two, further apart`,
    compare(a, b) {
      const x = a[field];
      const y = b[field];
      const left = x === null ? null : String(x);
      const right = y === null ? null : String(y);
      if (x === null || y === null) return nullOutcome(left, right);
      const ratio = closeness(x, y);
      return { level: ratio >= 0.9 ? 'within10pct' : ratio >= 0.5 ? 'within50pct' : 'else', left, right };
    },
  };
}

export const revenueComparison = numericComparison('revenue', 'Revenue', 'Annual revenue');
export const employeeCountComparison = numericComparison('employeeCount', 'Employees', 'Employee count');

export const industryComparison: FieldComparisonDefinition = {
  field: 'industry',
  label: 'Industry',
  // Two systems often file one company at different depths ("Financial" / "Financial Services"): no
  // contradiction. Priors from what the levels mean keep a level a data set never shows from a wild weight.
  levels: [
    agreeLevel('same', 'same industry', { prior: { m: 0.85, u: 0.12 } }),
    closeLevel('related', 'related industries', { prior: { m: 0.07, u: 0.05 } }),
    disagreeLevel('different', 'different industries', { prior: { m: 0.08, u: 0.83 } }),
  ],
  description: 'Industry: same, related (one contains the other, or one sector), different',
  compare(a, b) {
    if (!a.industry || !b.industry) return nullOutcome(a.industry, b.industry);
    return { level: industryRelation(a.industry, b.industry), left: a.industry, right: b.industry };
  },
};

/** Cosine buckets on the full-profile embedding; the signal is computed by the caller. */
export const PROFILE_COSINE_LEVELS = [
  { level: agreeLevel('cosine90', 'very similar profile'), min: 0.9 },
  { level: closeLevel('cosine75', 'similar profile'), min: 0.75 },
  { level: closeLevel('cosine60', 'somewhat similar profile'), min: 0.6 },
  { level: closeLevel('cosine45', 'a little similar profile'), min: 0.45 },
] as const;

/** Which parts of the profile text (normalize/record.ts embeddingTexts) a record fills. */
export function profileShape(record: NormalizedRecord): string {
  const { address } = record;
  return [
    record.company !== null,
    record.company !== null && record.contact !== null,
    Boolean(address.street || address.unit || address.extra),
    Boolean(address.city || address.state || address.postalCode || address.country),
    record.companyDomain !== null,
    record.email !== null && !record.email.isRole,
    record.phone !== null,
    record.industry !== null,
  ]
    .map((filled) => (filled ? '1' : '0'))
    .join('');
}

/** The record's name (the company's, or the person's for two person records) clearly differs. */
function namesDiffer(a: NormalizedRecord, b: NormalizedRecord, signals: ComparisonSignals): boolean {
  const names = a.company !== null || b.company !== null ? companyNameComparison : personNameComparison;
  return names.compare(a, b, signals).level === 'else';
}

export const profileEmbeddingComparison: FieldComparisonDefinition = {
  field: 'profileEmbedding',
  label: 'Whole profile (embedding)',
  levels: [...PROFILE_COSINE_LEVELS.map((bucket) => bucket.level), disagreeLevel('else', 'dissimilar profile')],
  description: 'Cosine similarity of the full-profile embeddings: ≥ 0.9, ≥ 0.75, ≥ 0.6, ≥ 0.45, lower',
  uFromCandidates: true,
  // The profile text is built from the other fields, so most of what the cosine says they have
  // already said: it may tip a pair the fields leave open, never outvote them.
  // Three bits is a likelihood ratio of 8: a small fraction of what one agreeing phone is worth.
  maxWeightBits: 3,
  compare(a, b, signals) {
    const cosine = signals.profileCosine;
    if (cosine === null || cosine === undefined || !Number.isFinite(cosine)) return nullOutcome(null, null);
    // Profiles that fill different fields differ by what is missing, which is no evidence either
    // way: a name with a birth date against the same name with an address and a
    // phone reads as dissimilar text. The cosine is compared only between profiles of one shape.
    if (profileShape(a) !== profileShape(b)) return nullOutcome(cosine.toFixed(3), cosine.toFixed(3));
    const shown = cosine.toFixed(3);
    // Profiles whose names differ are alike by what else they share (a household's or an office's address,
    // phone, email), which the contact-point group has counted once: the cosine would count it again.
    if (namesDiffer(a, b, signals)) return nullOutcome(shown, shown);
    const bucket = PROFILE_COSINE_LEVELS.find((candidate) => cosine >= candidate.min);
    return { level: bucket?.level.name ?? 'else', left: shown, right: shown };
  },
};
