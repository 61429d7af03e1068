// The evaluation's candidate source: the database's blocking (lib/db/queries/candidates.ts) over
// in-memory indexes, so a labelled set is scored by the product's pipeline without loading a database.
import type { CustomerRecord } from '../matching/types';
import type { CandidateChannel } from '../matching/model';
import { normalizeRecord, type NormalizedRecord } from '../matching/normalize/record';
import type { Candidate, CandidateSource, RecordCandidates } from '../matching/pipeline';
import { termFrequencyTable } from '../matching/term-frequency';
import { DATE_OF_BIRTH_KEY_PREFIX, type CandidateLimits } from '../db/queries/candidates';
import { deriveMatchKeys } from '../services/match-data';
import { buildCosineIndex, sparseDot, type SparseVector } from './sparse-vectors';
import { buildTrigramIndex } from './trigram-index';

export interface PreparedRecord {
  id: string;
  /** Position in the customer list (the in-memory "customer id"). */
  index: number;
  normalized: NormalizedRecord;
  keys: ReturnType<typeof deriveMatchKeys>;
  profileVector: SparseVector;
  nameVector: SparseVector;
}

export function prepareRecord(id: string, index: number, record: CustomerRecord, profileVector: SparseVector, nameVector: SparseVector): PreparedRecord {
  const normalized = normalizeRecord(record);
  return { id, index, normalized, keys: deriveMatchKeys(record, normalized), profileVector, nameVector };
}

/** The exact-key branches of a record, in the order the database query lists them (a branch matches any of its keys). */
function exactBranches(keys: PreparedRecord['keys']): Array<[CandidateChannel, string[]]> {
  const identity = keys.identifierKeys ?? [];
  const branches: Array<[CandidateChannel, string[]]> = [
    ['identifier', identity.filter((key) => !key.startsWith(DATE_OF_BIRTH_KEY_PREFIX))],
    ['date_of_birth', identity.filter((key) => key.startsWith(DATE_OF_BIRTH_KEY_PREFIX))],
  ];
  if (keys.emailNormalized) branches.push(['email', [`email:${keys.emailNormalized}`]]);
  if (keys.phoneE164) branches.push(['phone', [`phone:${keys.phoneE164}`]]);
  for (const domain of new Set([keys.websiteDomain, keys.emailDomain].filter((d): d is string => Boolean(d)))) {
    branches.push(['domain', [`website:${domain}`]], ['domain', [`emailDomain:${domain}`]]);
  }
  if (keys.postalCodeNormalized && keys.streetNumber) branches.push(['address', [`address:${keys.postalCodeNormalized}|${keys.streetNumber}`]]);
  return branches.filter(([, list]) => list.length > 0);
}

/** The keys a stored customer is found by (one key per indexed column value). */
function storedKeys(keys: PreparedRecord['keys']): string[] {
  const stored = [...(keys.identifierKeys ?? [])];
  if (keys.emailNormalized) stored.push(`email:${keys.emailNormalized}`);
  if (keys.phoneE164) stored.push(`phone:${keys.phoneE164}`);
  if (keys.websiteDomain) stored.push(`website:${keys.websiteDomain}`);
  if (keys.emailDomain) stored.push(`emailDomain:${keys.emailDomain}`);
  if (keys.postalCodeNormalized && keys.streetNumber) stored.push(`address:${keys.postalCodeNormalized}|${keys.streetNumber}`);
  return stored;
}

export type MemoryLimits = Pick<CandidateLimits, 'exactTopK' | 'trigramTopK' | 'trigramThreshold' | 'hnswTopK' | 'maxCandidates'>;

/** Candidates of one record, found among the customers as the database finds them (HNSW searched exactly). */
export interface MemoryCandidateSource extends CandidateSource<{ record: PreparedRecord; excludeSelf: boolean }, PreparedRecord> {
  /** excludeSelf: deduplicating a list against itself, a record is never its own candidate. */
  find(record: PreparedRecord, excludeSelf: boolean): RecordCandidates<PreparedRecord>;
}

export function memoryCandidateSource(customers: readonly PreparedRecord[], limits: MemoryLimits, dimensions: number): MemoryCandidateSource {
  const keyIndex = new Map<string, number[]>();
  for (const customer of customers) {
    for (const key of storedKeys(customer.keys)) keyIndex.set(key, [...(keyIndex.get(key) ?? []), customer.index]);
  }
  const profileIndex = buildCosineIndex(customers.map((customer) => customer.profileVector), dimensions);
  const nameIndex = buildCosineIndex(customers.map((customer) => customer.nameVector), dimensions);
  const trigramIndex = buildTrigramIndex(customers.map((customer) => customer.keys.nameNormalized));
  const termFrequency = termFrequencyTable(customers.map((customer) => customer.normalized));

  function find(record: PreparedRecord, excludeSelf: boolean): RecordCandidates<PreparedRecord> {
    const hits: Array<[number, CandidateChannel]> = [];
    for (const [channel, list] of exactBranches(record.keys)) {
      const matching = [...new Set(list.flatMap((key) => keyIndex.get(key) ?? []))].sort((a, b) => a - b);
      for (const index of matching.slice(0, limits.exactTopK)) hits.push([index, channel]);
    }
    const name = record.keys.nameNormalized;
    if (name) {
      const similar = trigramIndex.search(name, limits.trigramThreshold, customers.length).sort((a, b) => b.similarity - a.similarity || a.index - b.index);
      for (const hit of similar.slice(0, limits.trigramTopK)) hits.push([hit.index, 'name_trigram']);
      for (const hit of nameIndex.topK(record.nameVector, limits.hnswTopK)) hits.push([hit.index, 'name_embedding']);
    }
    for (const hit of profileIndex.topK(record.profileVector, limits.hnswTopK)) hits.push([hit.index, 'profile_embedding']);

    const channels = new Map<number, CandidateChannel[]>();
    for (const [index, channel] of hits) {
      if (excludeSelf && index === record.index) continue;
      const found = channels.get(index) ?? [];
      if (!found.includes(channel)) found.push(channel);
      channels.set(index, found);
    }
    const capped = channels.size > limits.maxCandidates;
    const kept = capped ? [...channels.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, limits.maxCandidates) : [...channels.entries()];
    const candidates = kept.map(([index, found]): Candidate<PreparedRecord> => {
      const customer = customers[index];
      return {
        customer,
        normalized: customer.normalized,
        channels: found,
        nameCosine: sparseDot(record.nameVector, customer.nameVector),
        profileCosine: sparseDot(record.profileVector, customer.profileVector),
      };
    });
    return { incoming: record.normalized, candidates, capped, customerCount: customers.length, termFrequency };
  }

  return { find, candidatesOf: async ({ record, excludeSelf }) => find(record, excludeSelf) };
}
