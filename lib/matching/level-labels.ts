// Comparisons and their levels in plain words, read from the model, for every screen that shows them
// (match page, field table, waterfall, queue, submit results): stewards never see the level codes.
import type { LevelKind } from './compare/types';
import { comparisonOf, levelOf, MATCH_MODEL, type MatchModel } from './model';

export type { LevelKind } from './compare/types';

export interface LevelLabel {
  label: string;
  kind: LevelKind | 'missing';
}

/** The term for candidates a pair cannot be at the same time (competition.ts): not a comparison, but shown like one. */
const COMPETING: Record<string, LevelLabel> = { conflicting: { label: 'other candidates it cannot be at the same time', kind: 'disagree' } };

const MISSING: LevelLabel = { label: 'missing on one side', kind: 'missing' };

/** The level in words; a code neither the model nor the competition term knows is shown as it is. */
export function levelLabel(field: string, level: string, model: MatchModel = MATCH_MODEL): LevelLabel {
  if (level === 'null') return MISSING;
  if (field === 'competingCandidates') return COMPETING[level] ?? { label: level, kind: 'disagree' };
  try {
    const found = levelOf(model, field, level);
    return found ? { label: found.label, kind: found.kind } : { label: level, kind: 'close' };
  } catch {
    // An explanation stored by an older model may name a level this one no longer has.
    return { label: level, kind: 'close' };
  }
}

/** A comparison's name as a steward reads it. */
export function comparisonLabel(field: string, model: MatchModel = MATCH_MODEL): string {
  if (field === 'competingCandidates') return 'Competing candidates';
  return comparisonOf(model, field)?.label ?? field;
}
