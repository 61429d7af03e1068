// Scores one record against its candidates: blocking in the database, comparison and Fellegi–Sunter
// scoring in the pure engine, term frequencies from the database. Shared by matching, estimation and evaluation.
import { findCandidates, loadCandidateRows, type CandidateChannel, type CandidateCustomer } from '../db/queries/candidates';
import { lookupTermFrequencies } from '../db/queries/term-frequencies';
import type { Database } from '../db/client';
import { confidenceBand } from '../matching/band';
import { comparePair } from '../matching/compare/compare-pair';
import type { ComparisonVector } from '../matching/compare/types';
import { termFrequencyKeys } from '../matching/term-frequency';
import { normalizeRecord } from '../matching/normalize/record';
import { rankMatches } from '../matching/rank';
import { scoreComparison, type ScoredPair } from '../matching/score/score';
import { adjustPriorForCustomerCount, type MatchParameters } from '../matching/score/params';
import type { ConfidenceBand, CustomerRecord } from '../matching/types';
import type { MatchData } from './match-data';
import type { MatchSettings } from './matching-settings';

export interface ComparedCandidate {
  customer: CandidateCustomer;
  vector: ComparisonVector;
  channels: CandidateChannel[];
  nameCosine: number | null;
  profileCosine: number | null;
}

export interface ScoredCandidate extends ScoredPair, Omit<ComparedCandidate, 'vector'> {
  confidenceBand: ConfidenceBand;
  isMatch: boolean;
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
  const compared = rows.map((row) => ({
    customer: row.customer,
    vector: comparePair(incoming, normalizeRecord(row.customer), { nameCosine: row.nameCosine, profileCosine: row.profileCosine }, termFrequency),
    channels: candidateSet.channels.get(row.customer.id) ?? [],
    nameCosine: row.nameCosine,
    profileCosine: row.profileCosine,
  }));
  return { compared, capped: candidateSet.capped, customerCount: total };
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
  const scored = compared.map(({ vector, ...candidate }): ScoredCandidate => {
    const pair = scoreComparison(vector, scaled, { termFrequencyCustomers: customerCount });
    return {
      ...pair,
      ...candidate,
      confidenceBand: confidenceBand(pair.matchProbability, settings.thresholds),
      isMatch: pair.matchProbability >= settings.thresholds.matchCutoff,
    };
  });
  const ranked = rankMatches(scored, settings.thresholds);
  return { candidates: ranked.matches, candidateCount: compared.length, capped, likelyDuplicateCustomers: ranked.likelyDuplicateCustomers };
}
