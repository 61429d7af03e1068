// Pure rules behind the steward session: which return paths are safe and which display names are valid.
const STEWARD_NAME_PATTERN = /^[\p{L}\p{N} ._@-]{1,40}$/u;

export function validStewardName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  return trimmed && STEWARD_NAME_PATTERN.test(trimmed) ? trimmed : undefined;
}

/**
 * Where sign-in lands: the page that asked for it, or else the first page the key may open — Submit (/)
 * needs the write scope, so a read-only steward starts at the review queue instead of a "lacks scope" notice.
 */
export function signInLandingPath(from: string | undefined | null, scopes: readonly string[]): string {
  const path = safeReturnPath(from);
  if (path !== '/') return path;
  return scopes.includes('write') || scopes.includes('admin') ? '/' : '/review';
}

/** Only same-site relative paths may be returned to after sign-in (no open redirect, no loop to /login). */
export function safeReturnPath(path: string | undefined | null): string {
  return path && /^\/(?!\/)[\w\-./?=&%#]*$/.test(path) && !path.startsWith('/login') ? path : '/';
}
