// When a new API key expires, from `--expires-in 30d` (minutes, hours, days or weeks) or `--expires-at`
// (an ISO 8601 date or date-time with an offset); neither → the key does not expire.
import { z } from 'zod';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** zod's ISO checks refuse impossible dates (2026-02-30) that new Date() would roll into March. */
const isoInstant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export function parseKeyExpiry(options: { expiresIn?: string; expiresAt?: string }, now = new Date()): Date | undefined {
  if (options.expiresIn !== undefined && options.expiresAt !== undefined) throw new Error('give --expires-in or --expires-at, not both');
  if (options.expiresIn !== undefined) {
    const parts = /^(\d{1,6})([mhdw])$/.exec(options.expiresIn.trim());
    if (!parts || Number(parts[1]) === 0) throw new Error(`--expires-in must be a positive number with m, h, d or w (e.g. 30d, 12h), got "${options.expiresIn}"`);
    return new Date(now.getTime() + Number(parts[1]) * UNIT_MS[parts[2] as keyof typeof UNIT_MS]);
  }
  if (options.expiresAt !== undefined) {
    const parsed = isoInstant.safeParse(options.expiresAt.trim());
    if (!parsed.success) {
      throw new Error(`--expires-at must be an ISO 8601 date or date-time with an offset (e.g. 2026-12-31 or 2026-12-31T18:00:00Z), got "${options.expiresAt}"`);
    }
    const at = new Date(parsed.data);
    if (at.getTime() <= now.getTime()) throw new Error(`--expires-at ${parsed.data} is not in the future`);
    return at;
  }
  return undefined;
}

/** "expires 2026-12-31T00:00:00.000Z", "EXPIRED 2026-…", or "no expiry", for the key list. */
export function describeKeyExpiry(expiresAt: Date | null, now = new Date()): string {
  if (!expiresAt) return 'no expiry';
  return `${expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'expires'} ${expiresAt.toISOString()}`;
}
