// Pure rules behind the steward session: which return paths are safe and which display names are valid.
const STEWARD_NAME_PATTERN = /^[\p{L}\p{N} ._@-]{1,40}$/u;

export function validStewardName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  return trimmed && STEWARD_NAME_PATTERN.test(trimmed) ? trimmed : undefined;
}

/** Only same-site relative paths may be returned to after sign-in (no open redirect, no loop to /login). */
export function safeReturnPath(path: string | undefined | null): string {
  return path && /^\/(?!\/)[\w\-./?=&%#]*$/.test(path) && !path.startsWith('/login') ? path : '/';
}
