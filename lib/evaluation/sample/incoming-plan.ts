// How many incoming records of each kind to make, and which customer each one is about.
import type { CustomerRecord } from '@/lib/matching/types';
import type { Random } from './random';

/** full: perturbations on a whole record; sparse: two or three fields; rebrand: the customer under a new name. */
export type VariantForm = 'full' | 'sparse' | 'rebrand';

export type IncomingPlan =
  | { kind: 'variant'; customerIndex: number; form: VariantForm }
  | { kind: 'hard_negative' }
  | { kind: 'new' };

export interface IncomingPlanSettings {
  customers: number;
  incomingPerCustomer: number;
  hardNegativeShare: number;
  sparsePositiveShare: number;
  rebrandShare: number;
  newShare: number;
}

function checkShares(settings: IncomingPlanSettings): void {
  const shares = [settings.hardNegativeShare, settings.sparsePositiveShare, settings.rebrandShare, settings.newShare];
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
  const rebrands = Math.min(total - hardNegatives - sparse, Math.round(total * settings.rebrandShare));
  const fresh = Math.min(total - hardNegatives - sparse - rebrands, Math.round(total * settings.newShare));
  const full = total - hardNegatives - sparse - rebrands - fresh;

  const variantCustomer = customerCycle(Array.from({ length: settings.customers }, (_, index) => index), random);
  const variants = (count: number, form: VariantForm) =>
    Array.from({ length: count }, (): IncomingPlan => ({ kind: 'variant', customerIndex: variantCustomer(), form }));
  return [
    ...variants(full, 'full'),
    ...variants(sparse, 'sparse'),
    ...variants(rebrands, 'rebrand'),
    ...Array.from({ length: hardNegatives }, (): IncomingPlan => ({ kind: 'hard_negative' })),
    ...Array.from({ length: fresh }, (): IncomingPlan => ({ kind: 'new' })),
  ];
}

const DESCRIPTIVE_FIELDS = ['addressLine2', 'industry', 'revenue', 'employeeCount', 'description', 'website'] as const;

/** Incoming records of other companies are as incomplete as any: up to two descriptive fields go, none of `kept`. */
export function dropDescriptiveFields(record: CustomerRecord, random: Random, kept: ReadonlyArray<keyof CustomerRecord> = []): CustomerRecord {
  const droppable = DESCRIPTIVE_FIELDS.filter((field) => !kept.includes(field));
  for (const field of random.sample(droppable, random.int(0, 2))) record[field] = null;
  return record;
}
