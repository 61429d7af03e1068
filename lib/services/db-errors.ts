// Recognises database errors by SQLSTATE, whichever driver (node-postgres, PGlite) raised them.
function sqlState(error: unknown): string | undefined {
  const direct = (error as { code?: unknown })?.code;
  if (typeof direct === 'string') return direct;
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;

/** The database is down or unreachable (not a bad query): the request may work again later, so 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth += 1) {
    const state = sqlState(current);
    if (state && (state.startsWith('08') || UNAVAILABLE_STATES.has(state) || UNAVAILABLE_SOCKET_CODES.has(state))) return true;
    if (current instanceof Error && UNAVAILABLE_MESSAGES.test(current.message)) return true;
  }
  return false;
}
