// A browser sends requests on behalf of any page it opens, and open mode needs no credentials (the steward's
// cookie is sent along too): a request that changes data must come from this site's own pages.
import { authRequired, env } from '../env';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sec-Fetch-Site values of a request this site's own pages (or the user, typing a URL) made. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);
/** A browser adds Basic credentials (a proxy's login) by itself, never a Bearer token. */
const BEARER = /^Bearer\s/i;

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * Why a request must be refused as coming from another site, or null. Safe methods and requests with a
 * Bearer token (an API key, never sent by a browser on its own) pass; so do clients that send
 * neither Origin nor Sec-Fetch-Site (curl, scripts), which no web page can make a browser be.
 */
export function foreignOriginReason(method: string, headers: Headers): string | null {
  if (SAFE_METHODS.has(method.toUpperCase()) || BEARER.test(headers.get('authorization') ?? '')) return null;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && !OWN_FETCH_SITES.has(fetchSite)) return `Sec-Fetch-Site: ${fetchSite.slice(0, 20)}`;
  const origin = headers.get('origin');
  if (origin === null) return null;
  const originHost = hostOf(origin);
  if (!originHost) return `Origin: ${origin.slice(0, 80)}`;
  // X-Forwarded-Host: behind a reverse proxy the Host header names the app's internal address.
  const ownHosts = [headers.get('x-forwarded-host')?.split(',')[0]?.trim(), headers.get('host')];
  return ownHosts.includes(originHost) ? null : `Origin: ${originHost}`;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host name of a Host header, without its port. */
function hostName(host: string): string {
  return (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]).toLowerCase();
}

/**
 * Open mode serves one person on this machine: a request addressed to any other name is refused, which
 * stops DNS rebinding (a hostile name pointed at 127.0.0.1 would otherwise pass as this site's own origin).
 * ALLOWED_HOSTS adds names; with keys required the key is the defence and any name is served.
 */
export function foreignHostReason(headers: Headers, openMode: boolean, allowedHosts: readonly string[]): string | null {
  const host = headers.get('host');
  if (!openMode || !host) return null;
  const name = hostName(host);
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || allowedHosts.includes(name) ? null : `Host: ${name.slice(0, 80)}`;
}

export function foreignOriginError(reason: string): AppError {
  if (reason.startsWith('Host:')) {
    return new AppError('forbidden', `Open mode answers requests addressed to this machine only (localhost, 127.0.0.1; this one came for ${reason.slice(6)}); add the name to ALLOWED_HOSTS, or require API keys with AUTH_MODE=required`);
  }
  return new AppError('forbidden', `Changes are accepted from this site's own pages only (this request came with ${reason}); API clients send their key in Authorization`);
}

/** Why the request is refused before anything runs: addressed to a foreign name in open mode, or a write from another site. */
export function requestRefusal(method: string, headers: Headers): string | null {
  const config = env();
  return foreignHostReason(headers, !authRequired(config), config.ALLOWED_HOSTS) ?? foreignOriginReason(method, headers);
}

/** Throws AppError('forbidden') for a request requestRefusal refuses. */
export function assertSameOrigin(request: Request): void {
  const reason = requestRefusal(request.method, request.headers);
  if (reason) throw foreignOriginError(reason);
}
