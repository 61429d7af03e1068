// How many incoming records of each kind to make, and which customer each one is about.
import type { CustomerRecord } from '@/lib/matching/types';
import type { Random } from './random';

export type IncomingPlan =
  | { kind: 'variant'; customerIndex: number; sparse: boolean }
  | { kind: 'hard_negative' }
  | { kind: 'new' };

export interface IncomingPlanSettings {
  customers: number;
  incomingPerCustomer: number;
  hardNegativeShare: number;
  sparsePositiveShare: number;
  newShare: number;
}

function checkShares(settings: IncomingPlanSettings): void {
  const shares = [settings.hardNegativeShare, settings.sparsePositiveShare, settings.newShare];
  if (shares.some((share) => !(share >= 0 && share <= 1)) || shares.reduce((a, b) => a + b, 0) > 1) {
    throw new Error(`incoming shares must each be in [0, 1] and sum to at most 1, got ${shares.join(', ')}`);
  }
  if (!(settings.incomingPerCustomer >= 0)) throw new Error(`incomingPerCustomer must be ≥ 0, got ${settings.incomingPerCustomer}`);
}

/** Draws customer indexes so that each is used once before any is used twice. */
export function customerCycle(indexes: number[], random: Random): () => number {
  let order: number[] = [];
  return () => {
    if (indexes.length === 0) throw new Error('no customer to draw from');
    if (order.length === 0) order = random.shuffle(indexes);
    return order.pop()!;
  };
}

export function planIncoming(settings: IncomingPlanSettings, random: Random): IncomingPlan[] {
  checkShares(settings);
  const total = settings.customers === 0 ? 0 : Math.round(settings.customers * settings.incomingPerCustomer);
  const hardNegatives = Math.round(total * settings.hardNegativeShare);
  const sparse = Math.round(total * settings.sparsePositiveShare);
  const fresh = Math.min(total - hardNegatives - sparse, Math.round(total * settings.newShare));
  const full = total - hardNegatives - sparse - fresh;

  const variantCustomer = customerCycle(Array.from({ length: settings.customers }, (_, index) => index), random);
  return [
    ...Array.from({ length: full }, (): IncomingPlan => ({ kind: 'variant', customerIndex: variantCustomer(), sparse: false })),
    ...Array.from({ length: sparse }, (): IncomingPlan => ({ kind: 'variant', customerIndex: variantCustomer(), sparse: true })),
    ...Array.from({ length: hardNegatives }, (): IncomingPlan => ({ kind: 'hard_negative' })),
    ...Array.from({ length: fresh }, (): IncomingPlan => ({ kind: 'new' })),
  ];
}

const DESCRIPTIVE_FIELDS = ['addressLine2', 'industry', 'revenue', 'employeeCount', 'description', 'website'] as const;

/** Incoming records of other companies are as incomplete as any: up to two descriptive fields go. */
export function dropDescriptiveFields(record: CustomerRecord, random: Random): CustomerRecord {
  for (const field of random.sample(DESCRIPTIVE_FIELDS, random.int(0, 2))) record[field] = null;
  return record;
}
