// Everything derived from a record's business fields at write time: normalised match keys (indexed
// for exact-key and trigram candidates) and the two embeddings (name, full profile).
import { getEmbedder } from '../embeddings';
import type { Embedder } from '../embeddings/types';
import { embeddingTexts, matchKeys } from '../matching/normalize/record';
import type { CustomerRecord } from '../matching/types';

export interface MatchData {
  nameNormalized: string | null;
  legalForm: string | null;
  emailNormalized: string | null;
  emailDomain: string | null;
  phoneE164: string | null;
  websiteDomain: string | null;
  postalCodeNormalized: string | null;
  streetNumber: string | null;
  identifierKeys: string[] | null;
  companyNameEmbedding: number[] | null;
  fullProfileEmbedding: number[] | null;
  embeddingModel: string | null;
}

export function deriveMatchKeys(record: CustomerRecord) {
  const keys = matchKeys(record);
  return {
    nameNormalized: keys.nameNormalized,
    legalForm: keys.legalForm,
    emailNormalized: keys.emailNormalized,
    emailDomain: keys.emailDomain,
    phoneE164: keys.phoneE164,
    websiteDomain: keys.websiteDomain,
    postalCodeNormalized: keys.postalCode,
    streetNumber: keys.streetNumber,
    identifierKeys: keys.identifierKeys.length > 0 ? keys.identifierKeys : null,
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
