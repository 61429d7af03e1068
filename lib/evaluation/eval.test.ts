import { describe, expect, it } from 'vitest';
import { embedText } from '@/lib/embeddings/local';
import { resolveBandThresholds } from '../matching/band';
import { generateCandidates, prepareRecord } from './memory-candidates';
import { qualityReport } from './metrics';
import { buildCosineIndex, sparseDot, toSparse } from './sparse-vectors';
import { buildTrigramIndex, trigramSimilarity } from './trigram-index';

describe('sparse vectors and cosine top-K', () => {
  it('agree with the dense cosine and rank the closest first', () => {
    const texts = ['acme manufacturing', 'acme manufacturng', 'globex shipping', 'initech software'];
    const vectors = texts.map((text) => toSparse(embedText(text)));
    const dense = embedText(texts[0]).reduce((sum, value, i) => sum + value * embedText(texts[1])[i], 0);
    expect(sparseDot(vectors[0], vectors[1])).toBeCloseTo(dense, 12);
    const hits = buildCosineIndex(vectors, 1536).topK(vectors[0], 2);
    expect(hits.map((hit) => hit.index)).toEqual([0, 1]);
    expect(hits[0].cosine).toBeCloseTo(1, 9);
  });
});

describe('trigram similarity (pg_trgm semantics)', () => {
  it.each([
    ['word', 'word', 1],
    ['word', 'two words', 4 / 11],
    ['abc', 'xyz', 0],
  ])('%s vs %s = %f', (a, b, expected) => expect(trigramSimilarity(a, b)).toBeCloseTo(expected as number, 9));
  it('finds similar names above the threshold, best first', () => {
    const index = buildTrigramIndex(['acme', 'acme labs', null, 'globex']);
    expect(index.search('acme', 0.3, 10).map((hit) => hit.index)).toEqual([0, 1]);
  });
});

describe('generateCandidates', () => {
  const prepare = (id: string, record: Parameters<typeof prepareRecord>[1]) =>
    prepareRecord(id, record, toSparse(embedText(id)), toSparse(embedText(record.companyName ?? '')));
  const customers = [
    prepare('c1', { companyName: 'Acme Corp', phone: '702-919-1300' }),
    prepare('c2', { companyName: 'Globex', email: 'x@globex.com' }),
    prepare('c3', { companyName: 'Initech', identifiers: [{ type: 'VAT', value: 'DE123456789' }] }),
  ];
  it('unions exact keys, trigram and embedding neighbours, recording the channels', () => {
    const incoming = [prepare('i1', { companyName: 'Zzz', phone: '+1 702 919 1300', email: 'y@globex.com' })];
    const { pairs } = generateCandidates(customers, incoming, false, 1536, {
      profileTopK: 0, nameTopK: 0, trigramTopK: 5, trigramMinSimilarity: 0.3, exactKeyLimit: 10, maxCandidates: 10,
    });
    const byCustomer = new Map(pairs.map((pair) => [customers[pair.customer].id, [...pair.channels].sort()]));
    expect(byCustomer.get('c1')).toEqual(['phone']);
    expect(byCustomer.get('c2')).toEqual(['domain']);
    expect(byCustomer.has('c3')).toBe(false);
  });
  it('finds a customer by a shared identifier, however the number is written', () => {
    const incoming = [prepare('i2', { companyName: 'Qqq', identifiers: [{ type: 'vat', value: 'de 123 456 789', country: 'DE' }] })];
    const { pairs } = generateCandidates(customers, incoming, false, 1536, {
      profileTopK: 0, nameTopK: 0, trigramTopK: 0, trigramMinSimilarity: 0.3, exactKeyLimit: 10, maxCandidates: 10,
    });
    expect(pairs.map((pair) => [customers[pair.customer].id, [...pair.channels]])).toEqual([['c3', ['identifier']]]);
  });
  it('in dedupe mode skips self-pairs and keeps each unordered pair once', () => {
    const { pairs } = generateCandidates(customers, customers, true, 1536);
    expect(pairs.every((pair) => pair.incoming < pair.customer)).toBe(true);
    expect(new Set(pairs.map((pair) => `${pair.incoming}:${pair.customer}`)).size).toBe(pairs.length);
  });
});

describe('qualityReport', () => {
  it('computes precision, recall, F1, candidate recall and bands at the cut-off', () => {
    const thresholds = resolveBandThresholds();
    const report = qualityReport(
      [
        { matchProbability: 0.99, isTrueMatch: true, exactHold: null },
        { matchProbability: 0.97, isTrueMatch: false, isHardNegative: true, exactHold: null },
        { matchProbability: 0.5, isTrueMatch: true, exactHold: null },
        { matchProbability: 0.1, isTrueMatch: false, exactHold: null },
      ],
      3,
      thresholds,
    );
    expect(report).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 2, precision: 0.5, hardNegativesInExactBand: 1 });
    expect(report.recall).toBeCloseTo(1 / 3, 12);
    expect(report.f1).toBeCloseTo(0.4, 12);
    expect(report.candidateRecall).toBeCloseTo(2 / 3, 12);
    expect(report.bands.exact).toEqual({ pairs: 2, trueMatches: 1 });
    expect(report.bands.low).toEqual({ pairs: 2, trueMatches: 1 });
  });
});
