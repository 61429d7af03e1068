// Token-bucket rate limiting per principal: in-process buckets by default, Redis (atomic Lua) when
// REDIS_URL is set so that several instances share one budget.
import type { Redis } from 'ioredis';
import { env } from '../env';
import { logger, safeError } from '../logger';

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until one token is available again (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

export interface BucketSettings {
  ratePerSecond: number;
  burst: number;
}

function decision(tokens: number, allowed: boolean, settings: BucketSettings): RateDecision {
  const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / settings.ratePerSecond));
  return { allowed, remaining: Math.max(0, Math.floor(tokens)), retryAfterSeconds };
}

/** Buckets live in a bounded map; the least recently used key is dropped beyond maxKeys. */
export function memoryRateLimiter(settings: BucketSettings, now: () => number = Date.now, maxKeys = 10_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: settings.burst, at: time };
      buckets.delete(key);
      bucket.tokens = Math.min(settings.burst, bucket.tokens + ((time - bucket.at) / 1000) * settings.ratePerSecond);
      bucket.at = time;
      const allowed = bucket.tokens >= 1;
      if (allowed) bucket.tokens -= 1;
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      return decision(bucket.tokens, allowed, settings);
    },
  };
}

const TOKEN_BUCKET_LUA = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local data = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(data[1]) or burst
local at = tonumber(data[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return { allowed, tostring(tokens) }
`;

/** Shared buckets in Redis. If Redis is unreachable the request is let through (and logged): availability first. */
export function redisRateLimiter(redis: Redis, settings: BucketSettings, prefix = 'cm:rate:'): RateLimiter {
  return {
    async take(key) {
      try {
        const [allowed, tokens] = (await redis.eval(TOKEN_BUCKET_LUA, 1, `${prefix}${key}`, settings.ratePerSecond, settings.burst, Date.now())) as [number, string];
        return decision(Number(tokens), allowed === 1, settings);
      } catch (error) {
        logger().warn({ err: safeError(error) }, 'rate limiter: Redis unavailable, request allowed');
        return { allowed: true, remaining: settings.burst, retryAfterSeconds: 0 };
      }
    },
  };
}

const globalForLimiter = globalThis as unknown as { customerMatchingRateLimiter?: RateLimiter };

export async function getRateLimiter(): Promise<RateLimiter> {
  if (globalForLimiter.customerMatchingRateLimiter) return globalForLimiter.customerMatchingRateLimiter;
  const config = env();
  const settings = { ratePerSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST };
  if (config.REDIS_URL) {
    const { Redis } = await import('ioredis');
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    redis.on('error', () => undefined);
    globalForLimiter.customerMatchingRateLimiter = redisRateLimiter(redis, settings);
  } else {
    globalForLimiter.customerMatchingRateLimiter = memoryRateLimiter(settings);
  }
  return globalForLimiter.customerMatchingRateLimiter;
}
