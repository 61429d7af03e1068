// Where candidates come from in the product: blocking in the database (exact keys, trigrams, nearest
// neighbours) and term frequencies from the database; scoring is the engine's one pipeline.
import { findCandidates, loadCandidateRows, type CandidateCustomer } from '../db/queries/candidates';
import { lookupTermFrequencies } from '../db/queries/term-frequencies';
import type { Database } from '../db/client';
import { MATCH_MODEL, type MatchModel } from '../matching/model';
import { normalizeRecord } from '../matching/normalize/record';
import { scoreRecordCandidates, type RecordCandidates, type ScoredCandidate as PipelineScoredCandidate } from '../matching/pipeline';
import type { MatchParameters } from '../matching/score/params';
import { termFrequencyKeys } from '../matching/term-frequency';
import type { CustomerRecord } from '../matching/types';
import type { MatchData } from './match-data';
import type { MatchSettings } from './matching-settings';

export type ScoredCandidate = PipelineScoredCandidate<CandidateCustomer>;

export interface RecordToScore {
  record: CustomerRecord;
  matchData: MatchData;
  excludeCustomerIds?: number[];
}

export interface DatabaseCandidates extends RecordCandidates<CandidateCustomer> {
  /** Customer id → the incoming records linked to it through which it was found (linked_record channel). */
  linkedVia: Map<number, number[]>;
}

/** The candidate source of the product: one record's candidates from the database. */
export async function databaseCandidates(db: Database, input: RecordToScore, limits: MatchSettings['limits']): Promise<DatabaseCandidates> {
  const { matchData } = input;
  const candidateSet = await findCandidates(
    db,
    // A record without a name has an all-zero name embedding: its nearest neighbours would be arbitrary.
    { keys: matchData, nameEmbedding: matchData.nameNormalized ? matchData.companyNameEmbedding : null, profileEmbedding: matchData.fullProfileEmbedding, excludeCustomerIds: input.excludeCustomerIds },
    limits,
  );
  const rows = await loadCandidateRows(db, [...candidateSet.channels.keys()], matchData.companyNameEmbedding, matchData.fullProfileEmbedding);
  const incoming = normalizeRecord(input.record);
  // Term frequencies only matter on exact agreement, where the value is the incoming record's own.
  const { shares, total } = await lookupTermFrequencies(db, termFrequencyKeys(incoming));
  const candidates = rows.map((row) => ({
    customer: row.customer,
    normalized: normalizeRecord(row.customer),
    channels: candidateSet.channels.get(row.customer.id) ?? [],
    nameCosine: row.nameCosine,
    profileCosine: row.profileCosine,
  }));
  return { incoming, candidates, capped: candidateSet.capped, customerCount: total, termFrequency: (field, value) => shares.get(`${field}\u0000${value}`), linkedVia: candidateSet.linkedVia };
}

/** Shown for the candidates one competes with: enough to find them, never a whole record. */
export function describeCandidate(customer: CandidateCustomer): string {
  const name = customer.companyName ?? customer.contactName;
  return name ? `#${customer.id} ${name}` : `#${customer.id}`;
}

export interface ScoringOutcome {
  candidates: ScoredCandidate[];
  /** Customer id → the linked incoming records through which it was found. */
  linkedVia: Map<number, number[]>;
  candidateCount: number;
  capped: boolean;
  likelyDuplicateCustomers: boolean;
}

export async function scoreRecord(db: Database, input: RecordToScore, params: MatchParameters, settings: MatchSettings, model: MatchModel = MATCH_MODEL): Promise<ScoringOutcome> {
  const found = await databaseCandidates(db, input, settings.limits);
  const scored = scoreRecordCandidates(found, { model, params, thresholds: settings.thresholds, describe: describeCandidate });
  return { candidates: scored.candidates, linkedVia: found.linkedVia, candidateCount: found.candidates.length, capped: found.capped, likelyDuplicateCustomers: scored.likelyDuplicateCustomers };
}
