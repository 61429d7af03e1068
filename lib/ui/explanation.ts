// Reads the stored match explanation (matching_results.match_criteria, written by
// lib/services/match-criteria.ts) for the UI: the top reasons and the prior → fields → total waterfall.
import { CONTACT_POINT_GROUP } from '../matching/compare/types';
import { comparisonLabel, levelLabel, type LevelLabel } from '../matching/level-labels';
import { comparisonOf, MATCH_MODEL } from '../matching/model';
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

/** What an evidence group has in common, in words: why its agreements count once. */
const GROUP_WORDS: Record<string, string> = { [CONTACT_POINT_GROUP]: 'same premises or contact point' };

/** The other fields a limited field was counted once with: the agreeing fields that imply it, else its group's fields that kept their weight. */
function countedWith(field: MatchCriteriaField, fields: readonly MatchCriteriaField[]): { others: MatchCriteriaField[]; implied: boolean } {
  const agrees = (field.unlimited_weight ?? 0) > 0;
  const implying = comparisonOf(MATCH_MODEL, field.field)?.impliedBy ?? [];
  const implied = fields.filter((other) => implying.includes(other.field) && (other.weight > 0 || (other.unlimited_weight ?? 0) > 0));
  if (agrees && implied.length > 0) return { others: implied, implied: true };
  const group = field.evidence_group;
  const sameSide = (other: MatchCriteriaField) => (agrees ? other.weight > 0 : other.weight < 0);
  const others = group ? fields.filter((other) => other !== field && comparisonOf(MATCH_MODEL, other.field)?.evidenceGroup === group && sameSide(other)) : [];
  return { others, implied: false };
}

/** "the street address" or "email and phone": the comparisons' names as a phrase. */
function namesPhrase(fields: readonly MatchCriteriaField[]): string {
  const names = fields.map((other) => comparisonLabel(other.field).toLowerCase());
  if (names.length === 1) return `the ${names[0]}`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Plain words for a field whose weight is not simply its level's: a steward would otherwise read 0.0 on an
 * exact match as a bug. With the explanation's other fields it names what the field was counted once with.
 */
export function fieldNote(field: MatchCriteriaField, fields: readonly MatchCriteriaField[] = []): string | undefined {
  if (field.level === 'null') return 'missing on one side: no evidence either way';
  // lib/services/scoring.ts withCompetition: the candidates this one excludes, in `candidate`.
  if (field.field === 'competingCandidates') return `other candidates it cannot be at the same time: ${field.candidate ?? 'see the list of matches'}`;
  const own = field.unlimited_weight;
  const alone = own !== null && own !== undefined ? ` (alone ${formatWeight(own)})` : '';
  if (field.limited_by === 'rulesOut') return `rules the pair out: two generations are two people, whatever else they share${alone}`;
  // lib/matching/band.ts: a contradicting field caps the band at high, so a person decides.
  if (field.contradicts) return 'contradicts the match: never in the exact band, whatever the total';
  if (field.limited_by === 'evidenceGroup') {
    const { others, implied } = countedWith(field, fields);
    const groupWords = field.evidence_group ? (GROUP_WORDS[field.evidence_group] ?? field.evidence_group) : null;
    if (others.length === 0) return `counted once with related evidence${groupWords ? ` (${groupWords})` : ''}${alone}`;
    if ((own ?? 0) < 0) return `counted once with ${namesPhrase(others)}: one move changes them together${alone}`;
    if (implied) return `counted once with ${namesPhrase(others)}, which implies it${alone}`;
    return `counted once with ${namesPhrase(others)}: ${groupWords ?? 'related evidence'}${alone}`;
  }
  if (field.limited_by === 'cap') return `held to its cap: a summary signal must not outvote the fields it sums up${alone}`;
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
    return 'Neither the company name nor the contact person agrees, and at least one of them differs: the records agree on where a business is (address, phone, website), which another business at the same premises shares, not on who it is. Such a pair is never in the exact band, whatever its probability; a person decides.';
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
