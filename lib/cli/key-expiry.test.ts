import { describe, expect, it } from 'vitest';
import { describeKeyExpiry, parseKeyExpiry } from './key-expiry';

const now = new Date('2026-11-01T12:00:00Z');

describe('parseKeyExpiry', () => {
  it.each([
    [{ expiresIn: '30d' }, '2026-12-01T12:00:00.000Z'],
    [{ expiresIn: '12h' }, '2026-11-02T00:00:00.000Z'],
    [{ expiresIn: '90m' }, '2026-11-01T13:30:00.000Z'],
    [{ expiresIn: '2w' }, '2026-11-15T12:00:00.000Z'],
    [{ expiresAt: '2026-12-31' }, '2026-12-31T00:00:00.000Z'],
    [{ expiresAt: '2026-12-31T18:00:00+02:00' }, '2026-12-31T16:00:00.000Z'],
  ])('%j → %s', (options, expected) => {
    expect(parseKeyExpiry(options, now)?.toISOString()).toBe(expected);
  });

  it('is undefined (never expires) when neither is given', () => {
    expect(parseKeyExpiry({}, now)).toBeUndefined();
  });

  it.each([
    [{ expiresIn: '30' }, /--expires-in must be/],
    [{ expiresIn: '0d' }, /--expires-in must be/],
    [{ expiresIn: '-1d' }, /--expires-in must be/],
    [{ expiresIn: '1y' }, /--expires-in must be/],
    [{ expiresAt: '2026-02-30' }, /--expires-at must be/],
    [{ expiresAt: 'next week' }, /--expires-at must be/],
    [{ expiresAt: '2026-12-31T18:00' }, /--expires-at must be/],
    [{ expiresAt: '2026-10-31' }, /not in the future/],
    [{ expiresIn: '1d', expiresAt: '2027-01-01' }, /not both/],
  ])('refuses %j', (options, message) => {
    expect(() => parseKeyExpiry(options, now)).toThrow(message);
  });
});

describe('describeKeyExpiry', () => {
  it('says whether and when a key expires', () => {
    expect(describeKeyExpiry(null, now)).toBe('no expiry');
    expect(describeKeyExpiry(new Date('2026-12-01T00:00:00Z'), now)).toBe('expires 2026-12-01T00:00:00.000Z');
    expect(describeKeyExpiry(new Date('2026-10-01T00:00:00Z'), now)).toBe('EXPIRED 2026-10-01T00:00:00.000Z');
  });
});
