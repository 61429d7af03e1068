// Engine-only latency: one record's matching in-process (candidates, rows, term frequencies, normalising,
// scoring), with no HTTP and no writes; and the proof of concept's way — score every customer — as the baseline.
import { createHash } from 'node:crypto';
import type { Database } from '../db/client';
import { firstCustomerIds } from '../db/queries/bench';
import { loadCandidateRows } from '../db/queries/candidates';
import { lookupTermFrequencies } from '../db/queries/term-frequencies';
import { MATCH_MODEL } from '../matching/model';
import { normalizeRecord } from '../matching/normalize/record';
import { scoreRecordCandidates } from '../matching/pipeline';
import type { MatchParameters } from '../matching/score/params';
import { termFrequencyKeys } from '../matching/term-frequency';
import type { CustomerRecord } from '../matching/types';
import { deriveMatchData, type MatchData } from '../services/match-data';
import type { MatchSettings } from '../services/matching-settings';
import { describeCandidate, scoreRecord, type StageTimings } from '../services/scoring';
import { summarize, timeMs, type LatencySummary } from './stats';

export interface PreparedRecord {
  record: CustomerRecord;
  matchData: MatchData;
  /** The customer it truly is (generated ground truth), or null for look-alikes and new companies. */
  trueCustomerId: number | null;
}

export interface EngineLatency {
  records: number;
  /** Keys and local embeddings of the incoming record: part of a submit, not of matching. */
  derive: LatencySummary;
  total: LatencySummary;
  stages: Record<keyof StageTimings, LatencySummary>;
  candidates: LatencySummary;
  /** Of the records that are a customer: share whose customer was among the candidates, and ranked first. */
  truth: { records: number; foundAmongCandidates: number; rankedFirst: number };
  /** sha256 of every record's best candidate and probability: equal digests = equal results. */
  resultDigest: string;
}

const STAGES: Array<keyof StageTimings> = ['candidates', 'candidateRows', 'termFrequencies', 'normalize', 'score'];

export async function prepareRecords(records: Array<{ record: CustomerRecord; trueCustomerId: number | null }>, onProgress?: (done: number) => void): Promise<{ prepared: PreparedRecord[]; deriveMs: number[] }> {
  const prepared: PreparedRecord[] = [];
  const deriveMs: number[] = [];
  for (const { record, trueCustomerId } of records) {
    const { value: matchData, ms } = await timeMs(() => deriveMatchData(record));
    prepared.push({ record, matchData, trueCustomerId });
    deriveMs.push(ms);
    onProgress?.(prepared.length);
  }
  return { prepared, deriveMs };
}

export async function engineLatency(
  db: Database,
  prepared: PreparedRecord[],
  deriveMs: number[],
  context: { params: MatchParameters; settings: MatchSettings },
  onProgress?: (done: number) => void,
): Promise<EngineLatency> {
  const totals: number[] = [];
  const candidateCounts: number[] = [];
  const perStage = new Map(STAGES.map((stage) => [stage, [] as number[]]));
  const digest = createHash('sha256');
  const truth = { records: 0, foundAmongCandidates: 0, rankedFirst: 0 };
  for (const [index, { record, matchData, trueCustomerId }] of prepared.entries()) {
    const timings: StageTimings = {};
    const { value: outcome, ms } = await timeMs(() => scoreRecord(db, { record, matchData }, context.params, context.settings, MATCH_MODEL, timings));
    totals.push(ms);
    candidateCounts.push(outcome.candidateCount);
    for (const stage of STAGES) perStage.get(stage)!.push(timings[stage] ?? 0);
    const best = outcome.candidates[0];
    if (trueCustomerId !== null) {
      truth.records += 1;
      if (outcome.candidates.some((candidate) => candidate.customer.id === trueCustomerId)) truth.foundAmongCandidates += 1;
      if (best?.customer.id === trueCustomerId) truth.rankedFirst += 1;
    }
    digest.update(`${index}:${best?.customer.id ?? '-'}:${best?.matchProbability.toFixed(9) ?? '-'}\n`);
    onProgress?.(index + 1);
  }
  return {
    records: prepared.length,
    derive: summarize(deriveMs),
    total: summarize(totals),
    stages: Object.fromEntries(STAGES.map((stage) => [stage, summarize(perStage.get(stage)!)])) as EngineLatency['stages'],
    candidates: summarize(candidateCounts),
    truth: {
      records: truth.records,
      foundAmongCandidates: truth.foundAmongCandidates / Math.max(1, truth.records),
      rankedFirst: truth.rankedFirst / Math.max(1, truth.records),
    },
    resultDigest: digest.digest('hex').slice(0, 16),
  };
}

export interface NaiveBaseline {
  records: number;
  customersScored: number;
  perRecord: LatencySummary;
  /** perRecord p50 scaled linearly to every customer of the table: what scoring everything would cost. */
  projectedMsAtTableSize: number;
}

/**
 * Scores `cap` customers per record (all their rows, cosines and comparisons), the proof of concept's
 * approach, on a capped sample because the whole table would take minutes per record; the time is linear in it.
 */
export async function naiveBaseline(db: Database, prepared: PreparedRecord[], cap: number, tableSize: number, context: { params: MatchParameters; settings: MatchSettings }): Promise<NaiveBaseline> {
  const ids = await firstCustomerIds(db, cap);
  const times: number[] = [];
  for (const { record, matchData } of prepared) {
    const { ms } = await timeMs(async () => {
      const rows = await loadCandidateRows(db, ids, matchData.companyNameEmbedding, matchData.fullProfileEmbedding);
      const incoming = normalizeRecord(record);
      const { shares, total } = await lookupTermFrequencies(db, termFrequencyKeys(incoming));
      const candidates = rows.map((row) => ({ customer: row.customer, normalized: normalizeRecord(row.customer), channels: [], nameCosine: row.nameCosine, profileCosine: row.profileCosine }));
      return scoreRecordCandidates(
        { incoming, candidates, capped: false, customerCount: total, termFrequency: (field, value) => shares.get(`${field}\u0000${value}`) },
        { model: MATCH_MODEL, params: context.params, thresholds: context.settings.thresholds, describe: describeCandidate },
      );
    });
    times.push(ms);
  }
  const perRecord = summarize(times);
  return { records: prepared.length, customersScored: ids.length, perRecord, projectedMsAtTableSize: ids.length ? (perRecord.p50 * tableSize) / ids.length : Number.NaN };
}
