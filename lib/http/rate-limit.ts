// Token-bucket rate limiting (requests per principal; failed authentication per address): in-process buckets
// by default, Redis (atomic Lua) when REDIS_URL is set so that several instances share one budget.
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

const globalForLimiter = globalThis as unknown as { customerMatchingRateLimiters?: Map<string, Promise<RateLimiter>>; customerMatchingRedis?: Redis };

async function limiter(name: string, settings: BucketSettings, prefix: string): Promise<RateLimiter> {
  const limiters = (globalForLimiter.customerMatchingRateLimiters ??= new Map());
  let found = limiters.get(name);
  if (!found) {
    found = (async () => {
      const url = env().REDIS_URL;
      if (!url) return memoryRateLimiter(settings);
      if (!globalForLimiter.customerMatchingRedis) {
        const { Redis } = await import('ioredis');
        globalForLimiter.customerMatchingRedis ??= new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
        globalForLimiter.customerMatchingRedis.on('error', () => undefined);
      }
      return redisRateLimiter(globalForLimiter.customerMatchingRedis, settings, prefix);
    })();
    limiters.set(name, found);
  }
  return found;
}

/** Requests per API key (per client address when anonymous). */
export function getRateLimiter(): Promise<RateLimiter> {
  const config = env();
  return limiter('requests', { ratePerSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST }, 'cm:rate:');
}

/** Failed authentication per client address (lib/http/auth-failures.ts). */
export function getFailedAuthLimiter(): Promise<RateLimiter> {
  const config = env();
  return limiter('auth-failures', { ratePerSecond: config.AUTH_FAILURE_PER_MINUTE / 60, burst: config.AUTH_FAILURE_BURST }, 'cm:authfail:');
}
