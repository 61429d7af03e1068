import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryRateLimiter, redisRateLimiter } from './rate-limit';

describe('memoryRateLimiter', () => {
  it('allows the burst, then refuses with a Retry-After, then refills at the rate', async () => {
    let now = 1_000_000;
    const limiter = memoryRateLimiter({ ratePerSecond: 2, burst: 3 }, () => now);
    const first = await Promise.all([limiter.take('k'), limiter.take('k'), limiter.take('k')]);
    expect(first.map((d) => d.allowed)).toEqual([true, true, true]);
    const refused = await limiter.take('k');
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect((await limiter.take('other')).allowed).toBe(true);
    now += 500; // half a second at 2/s = one token
    expect((await limiter.take('k')).allowed).toBe(true);
    expect((await limiter.take('k')).allowed).toBe(false);
  });

  it('keeps at most maxKeys buckets', async () => {
    const limiter = memoryRateLimiter({ ratePerSecond: 1, burst: 1 }, () => 0, 2);
    await limiter.take('a');
    await limiter.take('b');
    await limiter.take('c'); // evicts a
    expect((await limiter.take('a')).allowed).toBe(true);
  });
});

// Redis runs on this machine (127.0.0.1:6379); the test is skipped where it does not.
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
const redisUp = await redis.connect().then(() => true, () => false);

describe.skipIf(!redisUp)('redisRateLimiter (real Redis)', () => {
  afterAll(async () => {
    redis.disconnect();
  });

  it('shares one bucket between limiter instances and refuses past the burst', async () => {
    const prefix = `cm:test:${Date.now()}:`;
    const a = redisRateLimiter(redis, { ratePerSecond: 0.5, burst: 2 }, prefix);
    const b = redisRateLimiter(redis, { ratePerSecond: 0.5, burst: 2 }, prefix);
    expect((await a.take('key')).allowed).toBe(true);
    expect((await b.take('key')).allowed).toBe(true);
    const refused = await a.take('key');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await redis.pttl(`${prefix}key`)).toBeGreaterThan(0);
  });
});
