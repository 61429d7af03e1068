// Failed authentication per client address (a bad Bearer key, a bad sign-in): a bucket that only failures
// spend. Past it, a failing attempt answers 429 with Retry-After instead of 401. A key that verifies is
// never refused: guessing a 192-bit secret is hopeless anyway, and an address shared by many callers (a NAT,
// an ingress not listed in TRUSTED_PROXIES) must not be locked out by one caller's bad key.
import { AppError } from '../errors';
import { getFailedAuthLimiter, type RateLimiter } from './rate-limit';

function tooManyFailures(retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', `Too many failed sign-in attempts from your address; retry after ${retryAfterSeconds} s`, { retry_after_seconds: retryAfterSeconds });
}

/** Seconds a rate_limited error asks the caller to wait, for the Retry-After header. */
export function retryAfterOf(error: AppError): number | undefined {
  const seconds = (error.details as { retry_after_seconds?: unknown } | undefined)?.retry_after_seconds;
  return error.code === 'rate_limited' && typeof seconds === 'number' ? seconds : undefined;
}

/** Runs one authentication attempt for `address`; a failure spends a token, and with none left answers 429. */
export async function guardAuthentication<T>(address: string, attempt: () => Promise<T>, limiter?: RateLimiter): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'unauthorized')) throw error;
    const failures = await (limiter ?? (await getFailedAuthLimiter())).take(address);
    if (!failures.allowed) throw tooManyFailures(failures.retryAfterSeconds);
    throw error;
  }
}
