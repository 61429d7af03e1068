// Reads the stored match explanation (matching_results.match_criteria, written by
// lib/services/match-criteria.ts) for the UI: the top reasons and the prior → fields → total waterfall.
import { comparisonLabel, levelLabel, type LevelLabel } from '../matching/level-labels';
import { matchCriteriaSchema, type MatchCriteria, type MatchCriteriaField } from '../schemas/explanation';
import { formatWeight } from './format';

/** The explanation, or null when the stored JSON is not in the shape lib/schemas/explanation.ts declares: the page then shows the match without it. */
export function readExplanation(matchCriteria: unknown): MatchCriteria | null {
  const parsed = matchCriteriaSchema.safeParse(matchCriteria);
  return parsed.success ? parsed.data : null;
}

/** A field that speaks against the match: one that contradicts it (whatever its weight), or any negative weight. */
function isAgainst(field: MatchCriteriaField): boolean {
  return field.contradicts === true || field.weight < 0;
}

/**
 * The strongest evidence for the match, biggest weight first: what a steward reads first. Evidence against
 * is listed apart (reasonsAgainst), so a pair at 99.9% never leads with a field that pulled it down.
 */
export function reasonsFor(explanation: MatchCriteria, count = 3): MatchCriteriaField[] {
  return explanation.fields
    .filter((field) => !isAgainst(field) && field.weight > 0)
    .toSorted((a, b) => b.weight - a.weight || a.field.localeCompare(b.field))
    .slice(0, count);
}

/** The strongest evidence against: a contradicting field first (it keeps the pair out of the exact band), then the most negative weights. */
export function reasonsAgainst(explanation: MatchCriteria, count = 1): MatchCriteriaField[] {
  return explanation.fields
    .filter(isAgainst)
    .toSorted((a, b) => Number(Boolean(b.contradicts)) - Number(Boolean(a.contradicts)) || a.weight - b.weight || a.field.localeCompare(b.field))
    .slice(0, count);
}

export interface WaterfallStep {
  kind: 'prior' | 'field' | 'total';
  label: string;
  level?: string;
  /** This step's own weight (bits); for the total, the final match weight. */
  weight: number;
  /** Why the weight is not the level's own: missing values, or a limit (see fieldNote). */
  note?: string;
  /** Running log-odds before and after the step; a bar spans from → to. */
  from: number;
  to: number;
}

/** Plain words for a field whose weight is not simply its level's: a steward would otherwise read +0.0 on an exact match as a bug. */
export function fieldNote(field: MatchCriteriaField): string | undefined {
  if (field.level === 'null') return 'missing on one side: no evidence either way';
  // lib/services/scoring.ts withCompetition: the candidates this one excludes, in `candidate`.
  if (field.field === 'competingCandidates') return `other candidates it cannot be at the same time: ${field.candidate ?? 'see the list of matches'}`;
  // lib/matching/band.ts: a contradicting field caps the band at high, so a person decides.
  if (field.contradicts) return 'contradicts the match: never in the exact band, whatever the total';
  const own = field.unlimited_weight;
  if (field.limited_by === 'evidenceGroup') {
    const group = field.evidence_group ? ` (${field.evidence_group})` : '';
    return `counted once with related evidence${group}${own !== null && own !== undefined ? `; alone it would be ${formatWeight(own)}` : ''}`;
  }
  if (field.limited_by === 'cap') return `held to its cap${own !== null && own !== undefined ? ` (uncapped ${formatWeight(own)})` : ''}`;
  return undefined;
}

/** Fields that contradict the match (lib/matching/band.ts keeps such a pair out of the exact band). */
export function contradictingFields(explanation: MatchCriteria): string[] {
  return explanation.fields.filter((field) => field.contradicts).map((field) => field.field);
}

/**
 * What kept the pair out of the exact band although its probability reached it, in words for the
 * match page and the submit results, or null (lib/matching/band.ts). Results stored before
 * exact_hold was recorded say it through their contradicting fields.
 */
export function exactHoldNote(explanation: MatchCriteria): string | null {
  const contradicting = contradictingFields(explanation).map((field) => comparisonLabel(field));
  const hold = explanation.exact_hold !== undefined ? explanation.exact_hold : contradicting.length > 0 ? 'contradiction' : null;
  if (hold === 'contradiction') {
    return `${contradicting.join(', ')} ${contradicting.length === 1 ? 'contradicts' : 'contradict'} the match: such a pair is never in the exact band, whatever its probability; a person decides.`;
  }
  if (hold === 'identityDisagrees') {
    return 'The company name and the contact person both differ: the records agree on where a business is (address, phone, website), which another business at the same premises shares, not on who it is. Such a pair is never in the exact band, whatever its probability; a person decides.';
  }
  if (hold === 'uncorroborated') {
    return 'Nothing beyond the names confirms who this is: no birth date, document, email address, phone number, street address or website agrees, so a namesake would score the same. Such a pair is never in the exact band, whatever its probability; a person decides.';
  }
  return null;
}

/** The strongest reason for the match, in words (the queue's "why"), or null when no field added weight. */
export function leadingReason(explanation: MatchCriteria): string | null {
  const [reason] = reasonsFor(explanation, 1);
  return reason ? reasonText(reason) : null;
}

/** The strongest reason against, in words, shown beside the leading reason; null when nothing speaks against. */
export function leadingConcern(explanation: MatchCriteria): string | null {
  const [reason] = reasonsAgainst(explanation, 1);
  return reason ? reasonText(reason) : null;
}

/**
 * The level in words. A level an older model stored and this one no longer has would come back as its
 * code (level-labels.ts); the steward reads a plain phrase instead, by the level's direction when known.
 */
export function levelWords(field: string, level: string): LevelLabel {
  const found = levelLabel(field, level);
  if (found.label !== level) return found;
  return { label: 'compared by an earlier version of the model', kind: found.kind };
}

/** "Phone: same number after normalising (+9.1)": the comparison and its level in words, never the codes. */
export function reasonText(reason: { field: string; level: string; weight: number; contradicts?: boolean }): string {
  return `${comparisonLabel(reason.field)}: ${levelWords(reason.field, reason.level).label} (${formatWeight(reason.weight)})${reason.contradicts ? ', contradicts the match' : ''}`;
}

/** Prior, then each field in stored order, then the total: the sum the score itself was. */
export function waterfallSteps(explanation: MatchCriteria): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ kind: 'prior', label: 'Prior (before any field)', weight: explanation.prior_weight, from: 0, to: explanation.prior_weight }];
  let running = explanation.prior_weight;
  for (const field of explanation.fields) {
    steps.push({ kind: 'field', label: comparisonLabel(field.field), level: levelWords(field.field, field.level).label, note: fieldNote(field), weight: field.weight, from: running, to: running + field.weight });
    running += field.weight;
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
