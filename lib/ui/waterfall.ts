// The score as a waterfall for the match page: the prior, the fields with evidence ordered by weight
// (for first, then against), the fields without evidence folded into one line, then the total.
import { comparisonLabel } from '../matching/level-labels';
import type { MatchCriteria, MatchCriteriaField } from '../schemas/explanation';
import { fieldNote, levelWords } from './explanation';

export interface WaterfallStep {
  kind: 'prior' | 'field' | 'folded' | 'total';
  /** The comparison's code, for the page's test hooks (never shown). */
  field?: string;
  label: string;
  /** The level in words; for the folded line, the comparisons it holds. */
  level?: string;
  /** This step's own weight (bits); for the total, the final match weight. */
  weight: number;
  /** Why the weight is not the level's own: missing values, or a limit (see fieldNote). */
  note?: string;
  /** Running log-odds before and after the step; a bar spans from → to. */
  from: number;
  to: number;
}

/** A field that says nothing either way: missing on a side and weighing nothing. */
function withoutEvidence(field: MatchCriteriaField): boolean {
  return field.level === 'null' && field.weight === 0 && !field.contradicts;
}

/** Biggest weight first, so the evidence for reads before the evidence against; the sum is the same in any order. */
function byWeight(a: MatchCriteriaField, b: MatchCriteriaField): number {
  return b.weight - a.weight || a.field.localeCompare(b.field);
}

/** Prior, the fields with evidence by weight, one line for the fields without, then the total: the sum the score itself was. */
export function waterfallSteps(explanation: MatchCriteria): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ kind: 'prior', label: 'Prior (before any field)', weight: explanation.prior_weight, from: 0, to: explanation.prior_weight }];
  let running = explanation.prior_weight;
  for (const field of explanation.fields.filter((field) => !withoutEvidence(field)).toSorted(byWeight)) {
    const note = fieldNote(field, explanation.fields);
    steps.push({ kind: 'field', field: field.field, label: comparisonLabel(field.field), level: levelWords(field.field, field.level).label, note, weight: field.weight, from: running, to: running + field.weight });
    running += field.weight;
  }
  const empty = explanation.fields.filter(withoutEvidence);
  if (empty.length > 0) {
    const names = empty.map((field) => comparisonLabel(field.field)).join(', ');
    const label = `${empty.length} ${empty.length === 1 ? 'field' : 'fields'} without evidence`;
    steps.push({ kind: 'folded', label, level: names, note: 'missing on one side: no evidence either way', weight: 0, from: running, to: running });
  }
  steps.push({ kind: 'total', label: 'Final match weight', weight: explanation.match_weight, from: 0, to: explanation.match_weight });
  return steps;
}

/** The chart's horizontal range: every bar end, and 0, with a little room. */
export function waterfallDomain(steps: WaterfallStep[]): [number, number] {
  const values = steps.flatMap((step) => [step.from, step.to]);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const pad = Math.max(1, (high - low) * 0.05);
  return [Math.floor(low - pad), Math.ceil(high + pad)];
}

/** log2 odds → probability, as the scorer computes it. */
export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
