// Scores one record against its candidates: blocking in the database, comparison and Fellegi–Sunter
// scoring in the pure engine, term frequencies from the database. Shared by matching, estimation and evaluation.
import { findCandidates, loadCandidateRows, type CandidateChannel, type CandidateCustomer } from '../db/queries/candidates';
import { lookupTermFrequencies } from '../db/queries/term-frequencies';
import type { Database } from '../db/client';
import { confidenceBand } from '../matching/band';
import { comparePair, exactHold } from '../matching/compare/compare-pair';
import type { ComparisonVector } from '../matching/compare/types';
import { termFrequencyKeys } from '../matching/term-frequency';
import { normalizeRecord, type NormalizedRecord } from '../matching/normalize/record';
import { hardConflict } from '../matching/cluster';
import { competingCandidates } from '../matching/competition';
import { rankMatches } from '../matching/rank';
import { probabilityFromWeight, scoreComparison, type ScoredPair } from '../matching/score/score';
import { adjustPriorForCustomerCount, type MatchParameters } from '../matching/score/params';
import type { ConfidenceBand, CustomerRecord, ExactHold } from '../matching/types';
import type { MatchData } from './match-data';
import type { MatchSettings } from './matching-settings';

export interface ComparedCandidate {
  customer: CandidateCustomer;
  /** The candidate as the engine reads it: kept to tell which candidates cannot be one entity. */
  normalized: NormalizedRecord;
  vector: ComparisonVector;
  channels: CandidateChannel[];
  nameCosine: number | null;
  profileCosine: number | null;
}

export interface ScoredCandidate extends ScoredPair, Omit<ComparedCandidate, 'vector' | 'normalized'> {
  confidenceBand: ConfidenceBand;
  isMatch: boolean;
  /** Why the pair may not be exact (compare-pair.ts exactHold), or null: a held pair is high at most. */
  exactHold: ExactHold | null;
  /** exactHold where it kept the pair out of the exact band (p reached the exact cut), else null: what is stored and shown. */
  heldFromExact: ExactHold | null;
}

export interface RecordToScore {
  record: CustomerRecord;
  matchData: MatchData;
  excludeCustomerIds?: number[];
}

/** Candidates of one record with their comparison vectors (no parameters needed yet). */
export async function compareWithCandidates(
  db: Database,
  input: RecordToScore,
  limits: MatchSettings['limits'],
): Promise<{ compared: ComparedCandidate[]; capped: boolean; customerCount: number }> {
  const { matchData } = input;
  const candidateSet = await findCandidates(
    db,
    { keys: matchData, nameEmbedding: matchData.companyNameEmbedding, profileEmbedding: matchData.fullProfileEmbedding, excludeCustomerIds: input.excludeCustomerIds },
    limits,
  );
  const rows = await loadCandidateRows(db, [...candidateSet.channels.keys()], matchData.companyNameEmbedding, matchData.fullProfileEmbedding);
  const incoming = normalizeRecord(input.record);
  // Term frequencies only matter on exact agreement, where the value is the incoming record's own.
  const { shares, total } = await lookupTermFrequencies(db, termFrequencyKeys(incoming));
  const termFrequency = (field: string, value: string) => shares.get(`${field}\u0000${value}`);
  const compared = rows.map((row) => {
    const normalized = normalizeRecord(row.customer);
    return {
      customer: row.customer,
      normalized,
      vector: comparePair(incoming, normalized, { nameCosine: row.nameCosine, profileCosine: row.profileCosine }, termFrequency),
      channels: candidateSet.channels.get(row.customer.id) ?? [],
      nameCosine: row.nameCosine,
      profileCosine: row.profileCosine,
    };
  });
  return { compared, capped: candidateSet.capped, customerCount: total };
}

/** The explanation's term for candidates that exclude this one (see withCompetition). */
export const COMPETING_CANDIDATES_FIELD = 'competingCandidates';

/** The competing-candidates term of a scored candidate's weight (≤ 0; 0 when nothing excludes it). */
export function competitionBitsOf(pair: Pick<ScoredPair, 'contributions'>): number {
  return pair.contributions.find((contribution) => contribution.field === COMPETING_CANDIDATES_FIELD)?.weight ?? 0;
}

/** The probability the pair would have alone, before candidates that exclude it are counted. */
export function standaloneProbability(pair: Pick<ScoredPair, 'contributions' | 'matchWeight'>): number {
  return probabilityFromWeight(pair.matchWeight - competitionBitsOf(pair));
}

export interface ScoringOutcome {
  candidates: ScoredCandidate[];
  candidateCount: number;
  capped: boolean;
  likelyDuplicateCustomers: boolean;
}

export async function scoreRecord(db: Database, input: RecordToScore, params: MatchParameters, settings: MatchSettings): Promise<ScoringOutcome> {
  const { compared, capped, customerCount } = await compareWithCandidates(db, input, settings.limits);
  // λ is per random pair, so it follows the size of the customer table (MATCHING.md §1).
  const scaled = adjustPriorForCustomerCount(params, customerCount);
  const pairs = withCompetition(
    compared.map(({ vector }) => scoreComparison(vector, scaled, { termFrequencyCustomers: customerCount })),
    compared.map(({ normalized }) => normalized),
    compared.map(({ customer }) => customer),
  );
  const scored = compared.map(({ customer, channels, nameCosine, profileCosine }, index): ScoredCandidate => {
    const pair = pairs[index];
    const hold = exactHold(pair.contributions);
    return {
      ...pair,
      customer,
      channels,
      nameCosine,
      profileCosine,
      confidenceBand: confidenceBand(pair.matchProbability, settings.thresholds, hold),
      exactHold: hold,
      heldFromExact: pair.matchProbability >= settings.thresholds.exact ? hold : null,
      isMatch: pair.matchProbability >= settings.thresholds.matchCutoff,
    };
  });
  const ranked = rankMatches(scored, settings.thresholds);
  return { candidates: ranked.matches, candidateCount: compared.length, capped, likelyDuplicateCustomers: ranked.likelyDuplicateCustomers };
}

/** Shown for the candidates one competes with: enough to find them, never a whole record. */
function describeCandidate(customer: CandidateCustomer): string {
  const name = customer.companyName ?? customer.contactName;
  return name ? `#${customer.id} ${name}` : `#${customer.id}`;
}

const LISTED_COMPETITORS = 3;

/**
 * The candidates of one record that cannot be one entity compete (lib/matching/competition.ts):
 * each pair's score gets a "competingCandidates" term, listed in the explanation like any field.
 */
export function withCompetition(pairs: ScoredPair[], candidates: NormalizedRecord[], customers: CandidateCustomer[]): ScoredPair[] {
  const competition = competingCandidates(
    pairs.map((pair) => pair.matchWeight),
    (j, k) => hardConflict(candidates[j], candidates[k]) !== null,
  );
  return pairs.map((pair, index) => {
    const { penaltyBits, competitors } = competition[index];
    if (competitors.length === 0) return pair;
    const listed = competitors.slice(0, LISTED_COMPETITORS).map((other) => describeCandidate(customers[other]));
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
