import { describe, expect, it } from 'vitest';
import { embedText } from '@/lib/embeddings/local';
import { resolveBandThresholds } from '../matching/band';
import { memoryCandidateSource, prepareRecord } from './memory-candidates';
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

describe('memoryCandidateSource (the database blocking, in memory)', () => {
  const prepare = (id: string, index: number, record: Parameters<typeof prepareRecord>[2]) =>
    prepareRecord(id, index, record, toSparse(embedText(id)), toSparse(embedText(record.companyName ?? '')));
  const customers = [
    prepare('c1', 0, { companyName: 'Acme Corp', phone: '702-919-1300' }),
    prepare('c2', 1, { companyName: 'Globex', email: 'x@globex.com' }),
    prepare('c3', 2, { companyName: 'Initech', identifiers: [{ type: 'VAT', value: 'DE123456789' }] }),
    prepare('c4', 3, { contactName: 'Ann Lee', dateOfBirth: '1980-02-03' }),
  ];
  const exactOnly = { exactTopK: 10, trigramTopK: 0, trigramThreshold: 0.3, hnswTopK: 0, maxCandidates: 10 };
  const channelsOf = (found: ReturnType<ReturnType<typeof memoryCandidateSource>['find']>) =>
    new Map(found.candidates.map((candidate) => [candidate.customer.id, candidate.channels]));

  it('finds by exact keys with the database channel names, and by name trigrams', () => {
    const source = memoryCandidateSource(customers, { ...exactOnly, trigramTopK: 5 }, 1536);
    const found = source.find(prepare('i1', 0, { companyName: 'Acme Corporation', phone: '+1 702 919 1300', email: 'y@globex.com' }), false);
    expect(channelsOf(found)).toEqual(new Map([['c1', ['phone', 'name_trigram']], ['c2', ['domain']]]));
    expect(found.customerCount).toBe(4);
  });
  it('finds a customer by a shared identifier however it is written, and a person by date of birth', () => {
    const source = memoryCandidateSource(customers, exactOnly, 1536);
    expect(channelsOf(source.find(prepare('i2', 0, { companyName: 'Qqq', identifiers: [{ type: 'vat', value: 'de 123 456 789', country: 'DE' }] }), false))).toEqual(new Map([['c3', ['identifier']]]));
    expect(channelsOf(source.find(prepare('i3', 0, { contactName: 'Anne Leigh', dateOfBirth: '03/02/1980' }), false)).get('c4')).toEqual(['date_of_birth']);
  });
  it('searches both embeddings, and computes both cosines for every candidate', () => {
    const source = memoryCandidateSource(customers, { ...exactOnly, hnswTopK: 2 }, 1536);
    const found = source.find(customers[1], false);
    expect(found.candidates[0]).toMatchObject({ customer: { id: 'c2' }, channels: expect.arrayContaining(['name_embedding', 'profile_embedding']) });
    for (const candidate of found.candidates) expect(candidate.nameCosine).not.toBeNull();
  });
  it('deduplicating, a record is never its own candidate', () => {
    const source = memoryCandidateSource(customers, { ...exactOnly, hnswTopK: 4, trigramTopK: 4 }, 1536);
    for (const record of customers) expect(source.find(record, true).candidates.map((c) => c.customer.id)).not.toContain(record.id);
  });
  it('caps the candidates, keeping those found by the most channels, and says so', () => {
    const many = Array.from({ length: 6 }, (_, i) => prepare(`m${i}`, i, { companyName: `Acme ${i}`, phone: i === 4 ? '702-919-1300' : null }));
    const source = memoryCandidateSource(many, { ...exactOnly, trigramTopK: 10, maxCandidates: 2 }, 1536);
    const found = source.find(prepare('q', 0, { companyName: 'Acme 4', phone: '702 919 1300' }), false);
    expect(found.capped).toBe(true);
    expect(found.candidates).toHaveLength(2);
    expect(found.candidates[0].customer.id).toBe('m4');
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
