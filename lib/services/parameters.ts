// The model parameters in force: the newest stored estimate, or the defaults shipped with the engine.
import { latestActiveParameters, saveParameters } from '../db/queries/parameters';
import type { Database } from '../db/client';
import { DEFAULT_MATCH_PARAMETERS } from '../matching/score/default-params';
import { parseMatchParameters, type MatchParameters } from '../matching/score/params';

const cache = new Map<number, MatchParameters>();

export async function currentParameters(db: Database): Promise<MatchParameters> {
  const stored = await latestActiveParameters(db);
  if (!stored) return DEFAULT_MATCH_PARAMETERS;
  let parsed = cache.get(stored.id);
  if (!parsed) {
    parsed = parseMatchParameters(stored.parameters);
    cache.set(stored.id, parsed);
  }
  return parsed;
}

export async function storeParameters(db: Database, parameters: MatchParameters, source: string, summary?: unknown): Promise<number> {
  const saved = await saveParameters(db, { version: parameters.version, source, parameters, summary: summary ?? null });
  return saved.id;
}
