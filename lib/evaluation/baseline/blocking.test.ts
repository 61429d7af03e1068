import { describe, expect, test } from 'vitest';
import { blockingTokens, tokenBlocking } from './blocking';

describe('blockingTokens', () => {
  test('name and street words by channel, lower-cased, words of one letter left out', () => {
    expect(blockingTokens({ companyName: 'Acme Corp.', contactName: 'J. Smith', addressLine1: '12 Main St', city: 'Denver' }).sort()).toEqual(
      ['address:12', 'address:main', 'address:st', 'name:acme', 'name:corp', 'name:smith'].sort(),
    );
  });
});

describe('tokenBlocking', () => {
  const customers = [
    { companyName: 'Acme Labs', addressLine1: '1 Oak Street' },
    { companyName: 'Zyxplor Dental', addressLine1: '2 Elm Street' },
    { companyName: 'Acme Holdings', addressLine1: '3 Pine Road' },
  ];

  test('pairs records that share a word, and records through which channels', () => {
    const { pairs } = tokenBlocking([{ companyName: 'ACME LABS', addressLine1: '2 Elm Road' }], customers, false);
    const found = pairs.map((pair) => [pair.customer, [...pair.channels].sort()]);
    expect(found).toEqual(
      expect.arrayContaining([
        [0, ['name']],
        [1, ['address']],
        [2, ['address', 'name']],
      ]),
    );
    expect(pairs).toHaveLength(3);
  });

  test('skips words more customers hold than the block size, and caps candidates per record', () => {
    const common = tokenBlocking([{ addressLine1: 'Street' }], customers, false, { maxBlockSize: 1, maxCandidatesPerRecord: 10 });
    expect(common.pairs).toEqual([]);
    const capped = tokenBlocking([{ companyName: 'Acme Zyxplor Dental' }], customers, false, { maxBlockSize: 10, maxCandidatesPerRecord: 1 });
    expect(capped.cappedIncoming).toBe(1);
    // The rarer shared words rank Zyxplor Dental (two words held once) above either Acme (one word held twice).
    expect(capped.pairs.map((pair) => pair.customer)).toEqual([1]);
  });

  test('dedupe: each unordered pair once, never a record with itself', () => {
    const records = [{ companyName: 'Acme' }, { companyName: 'Acme' }, { companyName: 'Acme' }];
    const { pairs } = tokenBlocking(records, records, true);
    expect(pairs.map((pair) => [pair.incoming, pair.customer])).toEqual([[0, 1], [0, 2], [1, 2]]);
  });
});
