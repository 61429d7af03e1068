// Everything derived from a record's business fields at write time: normalised match keys (indexed
// for exact-key and trigram candidates) and the two embeddings (name, full profile).
import type { Database } from '../db/client';
import { DATE_OF_BIRTH_KEY_PREFIX, type CandidateKeys } from '../db/queries/candidates';
import { findCachedEmbeddings, upsertCachedEmbeddings } from '../db/queries/embedding-cache';
import { getEmbedder } from '../embeddings';
import { withEmbeddingCache } from '../embeddings/cache';
import { isEmbeddingProviderError } from '../embeddings/errors';
import type { Embedder, EmbeddingCacheStore } from '../embeddings/types';
import { swappedReading } from '../matching/normalize/date';
import { embeddingTexts, matchKeys, normalizeRecord } from '../matching/normalize/record';
import type { CustomerRecord } from '../matching/types';
import { cutToCharacters, KEY_COLUMN_LENGTHS } from '../schemas/column-limits';

/** The candidate keys plus what else is stored per record for matching. */
export interface MatchData extends CandidateKeys {
  legalForm: string | null;
  companyNameEmbedding: number[] | null;
  fullProfileEmbedding: number[] | null;
  embeddingModel: string | null;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Exact date-of-birth keys: the date, and its day/month-swapped reading when the input was ambiguous. */
export function dateOfBirthKeys(record: CustomerRecord, normalized = normalizeRecord(record)): string[] {
  const date = normalized.dateOfBirth;
  if (!date || date.month === null || date.day === null) return [];
  const readings = [date, ...(date.dayMonthAmbiguous ? [swappedReading(date)] : [])].filter((reading): reading is NonNullable<typeof reading> => reading !== null);
  return [...new Set(readings.map((reading) => `${DATE_OF_BIRTH_KEY_PREFIX}${reading.year}-${pad(reading.month!)}-${pad(reading.day!)}`))];
}

/**
 * Normalising can lengthen a value past its key column (王 → "wang ", ß → "ss"): keys are cut to the column, the
 * same way for stored records and for the records looked up, so they still meet; scoring reads the full values.
 */
const keyOf = (value: string | null, column: keyof typeof KEY_COLUMN_LENGTHS) => (value === null ? null : cutToCharacters(value, KEY_COLUMN_LENGTHS[column]));

export function deriveMatchKeys(record: CustomerRecord, normalized = normalizeRecord(record)) {
  const keys = matchKeys(record, normalized);
  const identityKeys = [...keys.identifierKeys, ...dateOfBirthKeys(record, normalized)];
  return {
    nameNormalized: keyOf(keys.nameNormalized, 'nameNormalized'),
    legalForm: keyOf(keys.legalForm, 'legalForm'),
    emailNormalized: keyOf(keys.emailNormalized, 'emailNormalized'),
    emailDomain: keyOf(keys.emailDomain, 'emailDomain'),
    phoneE164: keyOf(keys.phoneE164, 'phoneE164'),
    websiteDomain: keyOf(keys.websiteDomain, 'websiteDomain'),
    postalCodeNormalized: keyOf(keys.postalCode, 'postalCodeNormalized'),
    streetNumber: keyOf(keys.streetNumber, 'streetNumber'),
    identifierKeys: identityKeys.length > 0 ? identityKeys : null,
  };
}

/** The embedding_cache table as the embedder's cache (used for remote providers only; see withEmbeddingCache). */
export function embeddingCacheFor(db: Database): EmbeddingCacheStore {
  return { lookup: (model, hashes) => findCachedEmbeddings(db, model, hashes), store: (model, entries) => upsertCachedEmbeddings(db, model, entries) };
}

/** Keys and embeddings for many records at once (one embedder call per batch; cached texts are not re-sent). */
export async function deriveMatchDataBatch(records: CustomerRecord[], embedder: Embedder = getEmbedder(), cache?: EmbeddingCacheStore): Promise<MatchData[]> {
  // Normalised once per record: texts and keys both read it (it is most of the CPU of a bulk write).
  const normalized = records.map((record) => normalizeRecord(record));
  const texts = records.map((record, i) => embeddingTexts(record, normalized[i]));
  const effective = cache ? withEmbeddingCache(embedder, cache) : embedder;
  const vectors = await effective.embed(texts.flatMap((t) => [t.companyName, t.fullProfile]));
  return records.map((record, i) => ({
    ...deriveMatchKeys(record, normalized[i]),
    companyNameEmbedding: vectors[2 * i],
    fullProfileEmbedding: vectors[2 * i + 1],
    embeddingModel: embedder.model,
  }));
}

export async function deriveMatchData(record: CustomerRecord, embedder?: Embedder, cache?: EmbeddingCacheStore): Promise<MatchData> {
  const [data] = await deriveMatchDataBatch([record], embedder, cache);
  return data;
}

/**
 * Like deriveMatchDataBatch, but when the embedding provider fails the records still get their keys
 * (exact-key and trigram candidates need nothing else) and null embeddings, with the reason — for callers
 * that would rather store and match degraded now than refuse the records; `npm run reembed -- --pending-only`
 * (or the worker, for incoming records) fills the embeddings later.
 */
export async function deriveMatchDataBatchOrKeys(
  records: CustomerRecord[],
  embedder?: Embedder,
  cache?: EmbeddingCacheStore,
): Promise<{ matchData: MatchData[]; embeddingFailure: string | null }> {
  try {
    return { matchData: await deriveMatchDataBatch(records, embedder, cache), embeddingFailure: null };
  } catch (error) {
    if (!isEmbeddingProviderError(error)) throw error;
    const matchData = records.map((record) => ({ ...deriveMatchKeys(record), companyNameEmbedding: null, fullProfileEmbedding: null, embeddingModel: null }));
    return { matchData, embeddingFailure: error.message };
  }
}

export async function deriveMatchDataOrKeys(record: CustomerRecord, embedder?: Embedder, cache?: EmbeddingCacheStore): Promise<{ matchData: MatchData; embeddingFailure: string | null }> {
  const { matchData, embeddingFailure } = await deriveMatchDataBatchOrKeys([record], embedder, cache);
  return { matchData: matchData[0], embeddingFailure };
}
