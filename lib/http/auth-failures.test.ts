import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { guardAuthentication, retryAfterOf } from './auth-failures';
import { memoryRateLimiter } from './rate-limit';

const badKey = () => Promise.reject(new AppError('unauthorized', 'The API key is unknown or revoked'));
const goodKey = async () => 'principal';

describe('guardAuthentication', () => {
  it('spends one token per failure; past the burst a failure answers 429 with Retry-After instead of 401', async () => {
    let now = 0;
    const limiter = memoryRateLimiter({ ratePerSecond: 1 / 6, burst: 3 }, () => now);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(guardAuthentication('203.0.113.9', badKey, limiter)).rejects.toMatchObject({ code: 'unauthorized' });
    }
    const refused = await guardAuthentication('203.0.113.9', badKey, limiter).catch((error: AppError) => error);
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429, message: 'Too many failed sign-in attempts from your address; retry after 6 s' });
    expect(retryAfterOf(refused as AppError)).toBe(6);

    // Other addresses keep their own budget; the blocked one gets 401 again once a token has refilled.
    await expect(guardAuthentication('198.51.100.7', badKey, limiter)).rejects.toMatchObject({ code: 'unauthorized' });
    now += 6_000;
    await expect(guardAuthentication('203.0.113.9', badKey, limiter)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(guardAuthentication('203.0.113.9', badKey, limiter)).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('a key that verifies is never refused, even from an address past its failures, and spends nothing', async () => {
    const limiter = memoryRateLimiter({ ratePerSecond: 0.001, burst: 1 }, () => 0);
    await expect(guardAuthentication('shared', badKey, limiter)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(guardAuthentication('shared', badKey, limiter)).rejects.toMatchObject({ code: 'rate_limited' });
    for (let call = 0; call < 5; call += 1) await expect(guardAuthentication('shared', goodKey, limiter)).resolves.toBe('principal');

    const fresh = memoryRateLimiter({ ratePerSecond: 0.001, burst: 1 }, () => 0);
    for (let call = 0; call < 5; call += 1) await expect(guardAuthentication('a', goodKey, fresh)).resolves.toBe('principal');
    await expect(guardAuthentication('a', badKey, fresh)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('failures other than a bad credential (a database outage) spend nothing', async () => {
    const limiter = memoryRateLimiter({ ratePerSecond: 0.001, burst: 1 }, () => 0);
    const outage = () => Promise.reject(new AppError('service_unavailable', 'database down'));
    for (let call = 0; call < 3; call += 1) await expect(guardAuthentication('a', outage, limiter)).rejects.toMatchObject({ code: 'service_unavailable' });
    await expect(guardAuthentication('a', badKey, limiter)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('retryAfterOf reads only rate_limited errors that carry a number', () => {
    expect(retryAfterOf(new AppError('unauthorized', 'x', { retry_after_seconds: 3 }))).toBeUndefined();
    expect(retryAfterOf(new AppError('rate_limited', 'x'))).toBeUndefined();
  });
});
