// Defects of the seed proof of concept, each with a test that would have failed on it.
// (The fourth, "keep the best duplicate, not the first", is in rank.test.ts.)
import { describe, expect, it } from 'vitest';
import { confidenceBand, resolveBandThresholds } from './band';
import { comparePair, exactHold } from './compare/compare-pair';
import { createLocalEmbedder, cosineSimilarity } from '@/lib/embeddings/local';
import { embeddingTexts, normalizeRecord } from './normalize/record';
import { DEFAULT_MATCH_PARAMETERS } from './score/default-params';
import { adjustPriorForCustomerCount } from './score/params';
import { probabilityFromWeight, scoreComparison } from './score/score';
import type { CustomerRecord } from './types';

function score(a: CustomerRecord, b: CustomerRecord) {
  return scoreComparison(comparePair(normalizeRecord(a), normalizeRecord(b)), DEFAULT_MATCH_PARAMETERS);
}

const field = (scored: ReturnType<typeof score>, name: string) => scored.contributions.find((c) => c.field === name)!;

describe('seed defects', () => {
  it('"Corp" alone never agrees with "Acme Corp": a name that is only a legal form is a different name', () => {
    const scored = score({ companyName: 'Corp' }, { companyName: 'Acme Corp' });
    expect(field(scored, 'companyName').level).toBe('else');
    expect(field(scored, 'companyName').weight).toBeLessThan(0);
    // The shared "Corp" is not evidence either: there is no named company for it to qualify.
    expect(field(scored, 'legalForm')).toMatchObject({ level: 'null', weight: 0 });
    expect(scored.matchProbability).toBeLessThan(resolveBandThresholds().potential);
  });

  it('"Acme Corp, Denver, US" vs the customer "Corp, Denver, US" in a 13-customer table is not a match', async () => {
    // Found in the database pipeline: the profile embedding counted at full EM weight (+12.7 bits)
    // on top of city, country and legal form gave p = 0.99999, the exact band.
    const incoming: CustomerRecord = { companyName: 'Acme Corp', city: 'Denver', country: 'US' };
    const existing: CustomerRecord = { companyName: 'Corp', city: 'Denver', country: 'US' };
    const embedder = createLocalEmbedder();
    const [incomingTexts, existingTexts] = [embeddingTexts(incoming), embeddingTexts(existing)];
    const [profileA, profileB, nameA, nameB] = await embedder.embed([
      incomingTexts.fullProfile, existingTexts.fullProfile, incomingTexts.companyName, existingTexts.companyName,
    ]);
    const params = adjustPriorForCustomerCount(DEFAULT_MATCH_PARAMETERS, 13);
    for (const profileCosine of [cosineSimilarity(profileA, profileB), 0.99]) {
      const signals = { profileCosine, nameCosine: existingTexts.companyName ? cosineSimilarity(nameA, nameB) : null };
      const scored = scoreComparison(comparePair(normalizeRecord(incoming), normalizeRecord(existing), signals), params);
      expect(scored.matchProbability).toBeLessThan(0.75);
      for (const name of ['companyName', 'legalForm']) expect(field(scored, name).weight).toBeLessThanOrEqual(0);
      // The embedding summarises the other fields: it may tip a pair, never carry it.
      expect(Math.abs(field(scored, 'profileEmbedding').weight)).toBeLessThanOrEqual(DEFAULT_MATCH_PARAMETERS.weightCaps!.profileEmbedding);
    }
  });

  it('"Acme Corporation" vs "ACME Corp." is an exact core-name match and, with matching details, a match', () => {
    const base = { phone: '(702) 919-1300', addressLine1: '123 Main Street', city: 'Las Vegas', state: 'NV', postalCode: '89132', country: 'US' };
    const scored = score({ companyName: 'Acme Corporation', ...base }, { companyName: 'ACME Corp.', ...base, addressLine1: '123 Main St.' });
    expect(field(scored, 'companyName')).toMatchObject({ level: 'exact', left: 'acme', right: 'acme' });
    expect(field(scored, 'legalForm')).toMatchObject({ level: 'same', left: 'corp', right: 'corp' });
    expect(scored.matchProbability).toBeGreaterThanOrEqual(0.85);
    expect(['high', 'exact']).toContain(confidenceBand(scored.matchProbability, resolveBandThresholds(), exactHold(scored.contributions)));
  });

  it('confidence is the match probability from the summed weights, not a score scaled by a constant', () => {
    const scored = score({ companyName: 'Acme Inc', city: 'Reno' }, { companyName: 'Acme LLC', city: 'Austin' });
    const sum = scored.contributions.reduce((total, c) => total + c.weight, scored.priorWeight);
    expect(scored.matchWeight).toBeCloseTo(sum, 9);
    expect(scored.matchProbability).toBe(probabilityFromWeight(scored.matchWeight));
    expect(scored.matchProbability).toBeGreaterThan(0);
    expect(scored.matchProbability).toBeLessThan(1);
  });

  it('"Acme Holdings" vs "Acme Labs" is not a match on "Acme" alone', () => {
    const scored = score({ companyName: 'Acme Holdings' }, { companyName: 'Acme Labs' });
    expect(field(scored, 'companyName').level).toBe('else');
    expect(scored.matchProbability).toBeLessThan(0.5);
  });
});
