// The one scoring pipeline: an incoming record and its candidates in, ranked, banded and explained
// candidates out. The API, the worker, estimation and the evaluation all call scoreCandidates; only
// where candidates come from differs (the database, or the evaluation's in-memory index).
import { confidenceBand, type BandThresholds } from './band';
import { hardConflict } from './cluster';
import { comparePair, exactHold } from './compare/compare-pair';
import type { ComparisonVector, TermFrequencyLookup } from './compare/types';
import { competingCandidates } from './competition';
import type { CandidateChannel, MatchModel } from './model';
import type { NormalizedRecord } from './normalize/record';
import { rankMatches } from './rank';
import { probabilityFromWeight, scoreComparison, type ScoredPair } from './score/score';
import { adjustPriorForCustomerCount, type MatchParameters } from './score/params';
import { calibratedProbability } from './score/calibration';
import type { ConfidenceBand, ExactHold } from './types';

/** A candidate as a candidate source delivers it: the record as the engine reads it, and how it was found. */
export interface Candidate<C> {
  customer: C;
  normalized: NormalizedRecord;
  channels: CandidateChannel[];
  nameCosine: number | null;
  profileCosine: number | null;
}

/** What a candidate source finds for one incoming record: the database in the product, an in-memory index in evaluation. */
export interface RecordCandidates<C> {
  incoming: NormalizedRecord;
  candidates: Candidate<C>[];
  /** True when more were found than the cap and the rest were dropped. */
  capped: boolean;
  /** Customers searched: λ and the term frequencies scale with it. */
  customerCount: number;
  termFrequency: TermFrequencyLookup;
}

export interface CandidateSource<Input, C> {
  candidatesOf(input: Input): Promise<RecordCandidates<C>>;
}

export interface ComparedCandidate<C> extends Candidate<C> {
  vector: ComparisonVector;
}

export interface ScoredCandidate<C> extends ScoredPair, Omit<Candidate<C>, 'normalized'> {
  confidenceBand: ConfidenceBand;
  isMatch: boolean;
  /** Why the pair may not be exact (compare-pair.ts exactHold), or null: a held pair is high at most. */
  exactHold: ExactHold | null;
  /** exactHold where it kept the pair out of the exact band (p reached the exact cut), else null: what is stored and shown. */
  heldFromExact: ExactHold | null;
}

export interface ScoringContext<C> {
  model: MatchModel;
  /** With λ already scaled to the customer count. */
  params: MatchParameters;
  thresholds: BandThresholds;
  termFrequency?: TermFrequencyLookup;
  /** Customers the term frequencies were counted on. */
  customerCount?: number;
  /** How a competing candidate is named in the explanation (enough to find it, never a whole record). */
  describe: (customer: C) => string;
}

/** The comparison vector of each candidate against the incoming record (what EM learns from, too). */
export function compareCandidates<C>(incoming: NormalizedRecord, candidates: readonly Candidate<C>[], context: Pick<ScoringContext<C>, 'model' | 'termFrequency'>): ComparedCandidate<C>[] {
  return candidates.map((candidate) => ({
    ...candidate,
    vector: comparePair(incoming, candidate.normalized, { nameCosine: candidate.nameCosine, profileCosine: candidate.profileCosine }, context.termFrequency, context.model),
  }));
}

/** The explanation's term for candidates that exclude this one (see withCompetition). */
export const COMPETING_CANDIDATES_FIELD = 'competingCandidates';
const LISTED_COMPETITORS = 3;

/** The competing-candidates term of a scored candidate's weight (≤ 0; 0 when nothing excludes it). */
export function competitionBitsOf(pair: Pick<ScoredPair, 'contributions'>): number {
  return pair.contributions.find((contribution) => contribution.field === COMPETING_CANDIDATES_FIELD)?.weight ?? 0;
}

/** The probability the pair would have alone, before candidates that exclude it are counted. */
export function standaloneProbability(pair: Pick<ScoredPair, 'contributions' | 'matchWeight'>): number {
  return probabilityFromWeight(pair.matchWeight - competitionBitsOf(pair));
}

/**
 * The candidates of one record that cannot be one entity compete (competition.ts): each pair's score
 * gets a "competingCandidates" term, listed in the explanation like any field.
 */
export function withCompetition<C>(pairs: ScoredPair[], candidates: readonly Candidate<C>[], describe: (customer: C) => string, incoming: NormalizedRecord): ScoredPair[] {
  const competition = competingCandidates(
    pairs.map((pair) => pair.matchWeight),
    (j, k) => hardConflict(candidates[j].normalized, candidates[k].normalized) !== null,
    (k) => hardConflict(incoming, candidates[k].normalized) === null,
  );
  return pairs.map((pair, index) => {
    const { penaltyBits, competitors } = competition[index];
    if (competitors.length === 0) return pair;
    const listed = competitors.slice(0, LISTED_COMPETITORS).map((other) => describe(candidates[other].customer));
    const more = competitors.length > LISTED_COMPETITORS ? ` and ${competitors.length - LISTED_COMPETITORS} more` : '';
    const matchWeight = pair.matchWeight + penaltyBits;
    return {
      ...pair,
      matchWeight,
      matchProbability: probabilityFromWeight(matchWeight),
      contributions: [
        ...pair.contributions,
        { field: COMPETING_CANDIDATES_FIELD, level: 'conflicting', weight: penaltyBits, left: null, right: `${listed.join('; ')}${more}`, m: null, u: null },
      ],
    };
  });
}

/** Scores every candidate of one incoming record: compare, weigh, compete, band; best first. */
export function scoreCandidates<C>(incoming: NormalizedRecord, candidates: readonly Candidate<C>[], context: ScoringContext<C>): { candidates: ScoredCandidate<C>[]; likelyDuplicateCustomers: boolean } {
  const compared = compareCandidates(incoming, candidates, context);
  const pairs = withCompetition(
    compared.map(({ vector }) => scoreComparison(vector, context.params, { termFrequencyCustomers: context.customerCount, model: context.model })),
    candidates,
    context.describe,
    incoming,
  );
  const calibration = context.params.calibration;
  const scored = compared.map(({ customer, channels, nameCosine, profileCosine }, index): ScoredCandidate<C> => {
    // Calibrated on steward decisions when the parameters carry a fit; the weight itself stays as the model says.
    const pair = calibration ? { ...pairs[index], matchProbability: calibratedProbability(pairs[index].matchWeight, calibration) } : pairs[index];
    const hold = exactHold(pair.contributions, context.model);
    return {
      ...pair,
      customer,
      channels,
      nameCosine,
      profileCosine,
      confidenceBand: confidenceBand(pair.matchProbability, context.thresholds, hold),
      exactHold: hold,
      heldFromExact: pair.matchProbability >= context.thresholds.exact ? hold : null,
      isMatch: pair.matchProbability >= context.thresholds.matchCutoff,
    };
  });
  const ranked = rankMatches(scored, context.thresholds);
  return { candidates: ranked.matches, likelyDuplicateCustomers: ranked.likelyDuplicateCustomers };
}

/** Scores what a candidate source found; λ is per random pair, so it is scaled to the customers searched. */
export function scoreRecordCandidates<C>(found: RecordCandidates<C>, context: Pick<ScoringContext<C>, 'model' | 'params' | 'thresholds' | 'describe'>) {
  return scoreCandidates(found.incoming, found.candidates, {
    ...context,
    params: adjustPriorForCustomerCount(context.params, found.customerCount),
    termFrequency: found.termFrequency,
    customerCount: found.customerCount,
  });
}
