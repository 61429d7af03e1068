// Everything derived from a record's business fields at write time: normalised match keys (indexed
// for exact-key and trigram candidates) and the two embeddings (name, full profile).
import { DATE_OF_BIRTH_KEY_PREFIX, type CandidateKeys } from '../db/queries/candidates';
import { getEmbedder } from '../embeddings';
import type { Embedder } from '../embeddings/types';
import { swappedReading } from '../matching/normalize/date';
import { embeddingTexts, matchKeys, normalizeRecord } from '../matching/normalize/record';
import type { CustomerRecord } from '../matching/types';

/** The candidate keys plus what else is stored per record for matching. */
export interface MatchData extends CandidateKeys {
  legalForm: string | null;
  companyNameEmbedding: number[] | null;
  fullProfileEmbedding: number[] | null;
  embeddingModel: string | null;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Exact date-of-birth keys: the date, and its day/month-swapped reading when the input was ambiguous. */
export function dateOfBirthKeys(record: CustomerRecord): string[] {
  const date = normalizeRecord(record).dateOfBirth;
  if (!date || date.month === null || date.day === null) return [];
  const readings = [date, ...(date.dayMonthAmbiguous ? [swappedReading(date)] : [])].filter((reading): reading is NonNullable<typeof reading> => reading !== null);
  return [...new Set(readings.map((reading) => `${DATE_OF_BIRTH_KEY_PREFIX}${reading.year}-${pad(reading.month!)}-${pad(reading.day!)}`))];
}

export function deriveMatchKeys(record: CustomerRecord) {
  const keys = matchKeys(record);
  const identityKeys = [...keys.identifierKeys, ...dateOfBirthKeys(record)];
  return {
    nameNormalized: keys.nameNormalized,
    legalForm: keys.legalForm,
    emailNormalized: keys.emailNormalized,
    emailDomain: keys.emailDomain,
    phoneE164: keys.phoneE164,
    websiteDomain: keys.websiteDomain,
    postalCodeNormalized: keys.postalCode,
    streetNumber: keys.streetNumber,
    identifierKeys: identityKeys.length > 0 ? identityKeys : null,
  };
}

/** Keys and embeddings for many records at once (one embedder call per batch). */
export async function deriveMatchDataBatch(records: CustomerRecord[], embedder: Embedder = getEmbedder()): Promise<MatchData[]> {
  const texts = records.map(embeddingTexts);
  const vectors = await embedder.embed(texts.flatMap((t) => [t.companyName, t.fullProfile]));
  return records.map((record, i) => ({
    ...deriveMatchKeys(record),
    companyNameEmbedding: vectors[2 * i],
    fullProfileEmbedding: vectors[2 * i + 1],
    embeddingModel: embedder.model,
  }));
}

export async function deriveMatchData(record: CustomerRecord, embedder?: Embedder): Promise<MatchData> {
  const [data] = await deriveMatchDataBatch([record], embedder);
  return data;
}
