// Steward decisions as labels for estimation: which pairs were judged, and their comparison vectors
// computed as EM computes every candidate pair's (database candidates, the pipeline's comparison).
import { findCustomerById } from '../db/queries/customers';
import { findIncomingById } from '../db/queries/incoming';
import { reviewedPairs } from '../db/queries/matches';
import type { Database } from '../db/client';
import { decisionLabel, LABELLING_DECISIONS } from '../domain/resolution';
import type { ComparisonVector } from '../matching/compare/types';
import type { CandidateChannel, MatchModel } from '../matching/model';
import { compareCandidates } from '../matching/pipeline';
import type { MatchSettings } from './matching-settings';
import { databaseCandidates } from './scoring';

/**
 * One judged pair: `recordId` is the incoming record (link) or the customer (dedupe) whose candidates
 * hold `customerId`, as in the pairs EM learns from.
 */
export interface PairLabel {
  recordId: number;
  customerId: number;
  isMatch: boolean;
}

/** The pairs stewards accepted or merged (matches) and rejected (non-matches): incoming × customer, for link estimation. */
export async function stewardLabels(db: Database): Promise<PairLabel[]> {
  const decisions = Object.keys(LABELLING_DECISIONS) as Array<keyof typeof LABELLING_DECISIONS>;
  return (await reviewedPairs(db, decisions)).map((pair) => ({ recordId: pair.incomingId, customerId: pair.customerId, isMatch: decisionLabel(pair.decision)! }));
}

/** The key of a pair among EM's candidates: a dedupe pair is found from both of its records, under one key. */
export function pairKey(recordId: number, customerId: number, mode: 'link' | 'dedupe'): string {
  return mode === 'dedupe' && customerId < recordId ? `${customerId}:${recordId}` : `${recordId}:${customerId}`;
}

export interface LabelledCandidates {
  /** The labelled pairs that were not among the sampled candidates, to be added to them. */
  added: Array<{ vector: ComparisonVector; channels: CandidateChannel[] }>;
  /** Label per vector, for sampled and added vectors alike. */
  labels: Map<ComparisonVector, boolean>;
  /**
   * One entry per labelled pair, by pair key: its label and one of its vectors. A dedupe pair is found
   * from both of its records (two vectors, one decision): what counts the decisions must count it once.
   */
  pairs: Map<string, { vector: ComparisonVector; isMatch: boolean }>;
  /** Labels whose customer is no longer among the record's candidates (or either record is gone): not used. */
  notCandidates: number;
}

interface LabelContext {
  db: Database;
  mode: 'link' | 'dedupe';
  model: MatchModel;
  limits: MatchSettings['limits'];
}

/** The vectors of one record's labelled pairs, from its candidates now (or nothing when the record is gone). */
async function vectorsOfRecord(context: LabelContext, recordId: number): Promise<Map<number, { vector: ComparisonVector; channels: CandidateChannel[] }>> {
  const record = context.mode === 'link' ? await findIncomingById(context.db, recordId) : await findCustomerById(context.db, recordId);
  if (!record) return new Map();
  const found = await databaseCandidates(context.db, { record, matchData: record, excludeCustomerIds: context.mode === 'dedupe' ? [record.id] : undefined }, context.limits);
  const compared = compareCandidates(found.incoming, found.candidates, { model: context.model, termFrequency: found.termFrequency });
  return new Map(compared.map((candidate) => [candidate.customer.id, { vector: candidate.vector, channels: candidate.channels }]));
}

/**
 * Attaches each label to the sampled candidate vectors of its pair (`sampled`: key → vectors), and
 * compares the labelled pairs of records outside the sample so they join EM too. A later label of the
 * same pair overrides an earlier one.
 */
export async function labelCandidates(context: LabelContext, pairLabels: readonly PairLabel[], sampled: ReadonlyMap<string, ComparisonVector[]>): Promise<LabelledCandidates> {
  const labels = new Map<ComparisonVector, boolean>();
  const pairs: LabelledCandidates['pairs'] = new Map();
  const added: LabelledCandidates['added'] = [];
  const outside = new Map<number, PairLabel[]>();
  for (const label of pairLabels) {
    const key = pairKey(label.recordId, label.customerId, context.mode);
    const vectors = sampled.get(key);
    if (vectors) {
      for (const vector of vectors) labels.set(vector, label.isMatch);
      pairs.set(key, { vector: vectors[0], isMatch: label.isMatch });
    } else outside.set(label.recordId, [...(outside.get(label.recordId) ?? []), label]);
  }
  let notCandidates = 0;
  const addedByKey = new Map<string, ComparisonVector>();
  for (const [recordId, recordLabels] of outside) {
    const candidates = await vectorsOfRecord(context, recordId);
    for (const label of recordLabels) {
      const key = pairKey(label.recordId, label.customerId, context.mode);
      const known = addedByKey.get(key);
      const candidate = candidates.get(label.customerId);
      if (known) {
        labels.set(known, label.isMatch);
        pairs.set(key, { vector: known, isMatch: label.isMatch });
      } else if (!candidate) notCandidates += 1;
      else {
        added.push(candidate);
        addedByKey.set(key, candidate.vector);
        labels.set(candidate.vector, label.isMatch);
        pairs.set(key, { vector: candidate.vector, isMatch: label.isMatch });
      }
    }
  }
  return { added, labels, pairs, notCandidates };
}
