// In-memory candidate generation for evaluation, mirroring what the database does (MATCHING.md §5):
// the union of exact normalised keys (identifier, email, phone, domain, postal code + street number), trigram similarity on the primary name, and top-K cosine on
// the profile and name embeddings, capped per incoming record.
import { normalizeRecord, matchKeys, primaryName, type NormalizedRecord } from '../matching/normalize/record';
import type { CustomerRecord } from '../matching/types';
import { buildCosineIndex, sparseDot, type SparseVector } from './sparse-vectors';
import { buildTrigramIndex } from './trigram-index';

export type CandidateChannel = 'identifier' | 'email' | 'phone' | 'domain' | 'address' | 'trigram' | 'profileEmbedding' | 'nameEmbedding';

export interface CandidateSettings {
  profileTopK: number;
  nameTopK: number;
  trigramTopK: number;
  /** pg_trgm's default similarity threshold. */
  trigramMinSimilarity: number;
  /** Records sharing one exact key beyond this are not all fetched (a LIMIT in SQL). */
  exactKeyLimit: number;
  /** Most candidates scored per incoming record. */
  maxCandidates: number;
}

export const DEFAULT_CANDIDATE_SETTINGS: CandidateSettings = {
  profileTopK: 20,
  nameTopK: 20,
  trigramTopK: 20,
  trigramMinSimilarity: 0.3,
  exactKeyLimit: 50,
  maxCandidates: 200,
};

export interface PreparedRecord {
  id: string;
  normalized: NormalizedRecord;
  exactKeys: Array<[CandidateChannel, string]>;
  name: string | null;
  profileVector: SparseVector;
  nameVector: SparseVector;
}

export function prepareRecord(id: string, record: CustomerRecord, profileVector: SparseVector, nameVector: SparseVector): PreparedRecord {
  const normalized = normalizeRecord(record);
  const keys = matchKeys(record);
  const exactKeys: Array<[CandidateChannel, string]> = [];
  for (const key of keys.identifierKeys) exactKeys.push(['identifier', key]);
  if (keys.emailNormalized) exactKeys.push(['email', keys.emailNormalized]);
  if (keys.phoneE164) exactKeys.push(['phone', keys.phoneE164]);
  for (const domain of new Set([keys.websiteDomain, keys.emailDomain])) if (domain) exactKeys.push(['domain', domain]);
  if (keys.postalCode && keys.streetNumber) exactKeys.push(['address', `${keys.postalCode}|${keys.streetNumber}`]);
  return { id, normalized, exactKeys, name: primaryName(normalized), profileVector, nameVector };
}

export interface CandidatePair {
  incoming: number;
  customer: number;
  channels: Set<CandidateChannel>;
  profileCosine: number;
  nameCosine: number | null;
}

export interface CandidateResult {
  pairs: CandidatePair[];
  /** Incoming records whose candidate list hit maxCandidates. */
  cappedIncoming: number;
}

/**
 * dedupe: incoming and customers are the same list; self-pairs are skipped and each unordered
 * pair is kept once (as incoming = lower index).
 */
export function generateCandidates(
  customers: PreparedRecord[],
  incoming: PreparedRecord[],
  dedupe: boolean,
  dimensions: number,
  settings: CandidateSettings = DEFAULT_CANDIDATE_SETTINGS,
): CandidateResult {
  const keyIndex = new Map<string, number[]>();
  customers.forEach((customer, row) => {
    for (const [channel, value] of customer.exactKeys) {
      const key = `${channel}:${value}`;
      keyIndex.set(key, [...(keyIndex.get(key) ?? []), row]);
    }
  });
  const profileIndex = buildCosineIndex(customers.map((customer) => customer.profileVector), dimensions);
  const nameIndex = buildCosineIndex(customers.map((customer) => customer.nameVector), dimensions);
  const trigramIndex = buildTrigramIndex(customers.map((customer) => customer.name));

  const pairs = new Map<string, CandidatePair>();
  let cappedIncoming = 0;
  incoming.forEach((record, row) => {
    const found = new Map<number, Set<CandidateChannel>>();
    const add = (customer: number, channel: CandidateChannel) => {
      if (dedupe && customer === row) return;
      if (!found.has(customer)) {
        if (found.size >= settings.maxCandidates) return;
        found.set(customer, new Set());
      }
      found.get(customer)!.add(channel);
    };
    for (const [channel, value] of record.exactKeys) {
      for (const customer of (keyIndex.get(`${channel}:${value}`) ?? []).slice(0, settings.exactKeyLimit)) add(customer, channel);
    }
    if (record.name) {
      for (const hit of trigramIndex.search(record.name, settings.trigramMinSimilarity, settings.trigramTopK)) add(hit.index, 'trigram');
      for (const hit of nameIndex.topK(record.nameVector, settings.nameTopK)) add(hit.index, 'nameEmbedding');
    }
    for (const hit of profileIndex.topK(record.profileVector, settings.profileTopK)) add(hit.index, 'profileEmbedding');
    if (found.size >= settings.maxCandidates) cappedIncoming += 1;

    for (const [customer, channels] of found) {
      const [a, b] = dedupe && customer < row ? [customer, row] : [row, customer];
      const key = `${a}:${b}`;
      const existing = pairs.get(key);
      if (existing) {
        for (const channel of channels) existing.channels.add(channel);
        continue;
      }
      const left = dedupe ? customers[a] : record;
      const right = customers[b];
      pairs.set(key, {
        incoming: a,
        customer: b,
        channels,
        profileCosine: sparseDot(left.profileVector, right.profileVector),
        nameCosine: left.name && right.name ? sparseDot(left.nameVector, right.nameVector) : null,
      });
    }
  });
  return { pairs: [...pairs.values()], cappedIncoming };
}

/** Which fields a channel selected pairs on: EM does not estimate those fields' m from its pairs. */
export const CHANNEL_BLOCKED_FIELDS: Record<CandidateChannel, string[] | null> = {
  identifier: ['identifier'],
  trigram: ['companyName', 'personName', 'contactName'],
  nameEmbedding: ['companyName', 'personName', 'contactName'],
  email: ['email', 'domain'],
  domain: ['email', 'domain'],
  phone: ['phone'],
  address: ['street', 'locality', 'addressDetail', 'country'],
  // Chosen on everything at once: no field is free of selection bias there.
  profileEmbedding: null,
};
