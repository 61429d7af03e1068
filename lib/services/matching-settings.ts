// The matching settings in force: candidate limits and band cut-offs, from the environment.
import type { CandidateLimits } from '../db/queries/candidates';
import { env, type Env } from '../env';
import { resolveBandThresholds, type BandThresholds } from '../matching/band';

export interface MatchSettings {
  limits: CandidateLimits;
  thresholds: BandThresholds;
  maxStoredResults: number;
  minStoredProbability: number;
}

export function matchSettings(config: Env = env()): MatchSettings {
  return {
    limits: {
      exactTopK: config.MATCH_EXACT_TOP_K,
      trigramTopK: config.MATCH_TRIGRAM_TOP_K,
      trigramThreshold: config.MATCH_TRIGRAM_THRESHOLD,
      hnswTopK: config.MATCH_HNSW_TOP_K,
      efSearch: {
        name: config.HNSW_EF_SEARCH ?? config.HNSW_EF_SEARCH_NAME,
        profile: config.HNSW_EF_SEARCH ?? config.HNSW_EF_SEARCH_PROFILE,
      },
      maxCandidates: config.MATCH_MAX_CANDIDATES,
    },
    thresholds: resolveBandThresholds({
      defaultSimilarityThreshold: config.DEFAULT_SIMILARITY_THRESHOLD,
      highConfidenceThreshold: config.HIGH_CONFIDENCE_THRESHOLD,
      potentialMatchThreshold: config.POTENTIAL_MATCH_THRESHOLD,
    }),
    maxStoredResults: config.MATCH_MAX_STORED_RESULTS,
    minStoredProbability: config.MATCH_MIN_STORED_PROBABILITY,
  };
}
