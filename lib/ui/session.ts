// Who the data steward is, for pages and server actions: the same rules as the REST API. With AUTH_MODE
// open the steward acts with every scope under a chosen display name; with keys required the steward signs
// in at /login with an API key, checked once; the httpOnly cookie then holds only a random session id whose
// session lives in the database (lib/services/steward-sessions.ts) and is checked on every page and action.
import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authRequired, env } from '../env';
import { AppError } from '../errors';
import { guardAuthentication } from '../http/auth-failures';
import { clientAddress } from '../http/client-address';
import { appContext } from '../services/bootstrap';
import { API_SCOPES, hasScope, type ApiScope, type Principal } from '../services/api-keys';
import type { ServiceContext } from '../services/context';
import { maybeSweepExpired } from '../services/housekeeping';
import { endStewardSession, resolveStewardSession, startStewardSession } from '../services/steward-sessions';
import { safeReturnPath, signInLandingPath, validStewardName } from './session-rules';

export { safeReturnPath, signInLandingPath, validStewardName };

export type UiScope = ApiScope;

/** httpOnly: the random session id, only in required mode (never the API key). */
export const SESSION_COOKIE = 'cm_steward_session';
/** Readable display name: the actor in open mode, the key's name for the header in required mode. */
export const STEWARD_NAME_COOKIE = 'cm_steward_name';
export const DEFAULT_STEWARD = 'steward';
/** Earlier releases kept the API key itself in this cookie; sign-in and sign-out delete it. */
const LEGACY_KEY_COOKIE = 'cm_steward_key';

export type LoginReason = 'signin' | 'invalid' | 'expired' | 'forbidden' | 'signed-out';


function loginUrl(reason: LoginReason, from?: string, scope?: UiScope): string {
  const params = new URLSearchParams({ reason });
  if (from) params.set('from', safeReturnPath(from));
  if (scope) params.set('scope', scope);
  return `/login?${params}`;
}

/** The browser may forget the cookie when the session can last no longer anyway. */
function cookieOptions(maxAge = env().STEWARD_SESSION_MAX_HOURS * 3600) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: env().NODE_ENV === 'production', path: '/', maxAge };
}

/**
 * The signed-in steward, or null when nobody is (required mode without a live session).
 * Throws AppError('service_unavailable') when the database is down, like the API.
 */
export async function currentSteward(): Promise<(Principal & { db: ServiceContext['db'] }) | null> {
  const jar = await cookies();
  if (!authRequired()) {
    const actor = validStewardName(jar.get(STEWARD_NAME_COOKIE)?.value) ?? DEFAULT_STEWARD;
    const context = await appContext(actor);
    return { id: `steward:${actor}`, actor, scopes: API_SCOPES, db: context.db };
  }
  const sessionId = jar.get(SESSION_COOKIE)?.value;
  if (!sessionId) return null;
  const context = await appContext('steward');
  const principal = await resolveStewardSession(context.db, sessionId);
  return principal ? { ...principal, db: context.db } : null;
}

async function resolve(scope: UiScope, from: string | undefined, onForbidden: 'redirect' | 'throw'): Promise<ServiceContext> {
  const steward = await currentSteward();
  if (!steward) {
    const hadSession = Boolean((await cookies()).get(SESSION_COOKIE));
    redirect(loginUrl(hadSession ? 'expired' : 'signin', from));
  }
  if (!hasScope(steward, scope)) {
    if (onForbidden === 'redirect') redirect(loginUrl('forbidden', from, scope));
    throw new AppError('forbidden', `Your API key lacks the "${scope}" scope needed here (it has: ${steward.scopes.join(', ') || 'none'}). Sign in with a key that has it.`);
  }
  return { db: steward.db, actor: steward.actor };
}

/**
 * The service context for a page: redirects to /login when nobody is signed in or the key is no longer
 * valid, and when the key lacks the scope (the login page says which scope is needed).
 */
export function uiContext(scope: UiScope, from?: string): Promise<ServiceContext> {
  return resolve(scope, from, 'redirect');
}

/**
 * The service context for a server action: redirects to /login when the session is gone, but throws
 * AppError('forbidden') for a missing scope so the form can show the message and keep what was typed.
 */
export function uiActionContext(scope: UiScope): Promise<ServiceContext> {
  return resolve(scope, undefined, 'throw');
}

/**
 * Verifies a pasted key and starts a session with it; AppError('unauthorized') says what is wrong, and
 * AppError('rate_limited') when this address has failed too often (the same bucket as bad Bearer keys).
 */
export async function signInWithApiKey(apiKey: string): Promise<Principal> {
  const context = await appContext('steward');
  const address = clientAddress(await headers());
  const { sessionId, principal } = await guardAuthentication(address, () => startStewardSession(context.db, apiKey));
  const jar = await cookies();
  jar.delete(LEGACY_KEY_COOKIE);
  jar.set(SESSION_COOKIE, sessionId, cookieOptions());
  jar.set(STEWARD_NAME_COOKIE, principal.actor.slice(0, 80), { ...cookieOptions(), httpOnly: false });
  void maybeSweepExpired(context.db);
  return principal;
}

/** Open mode: remembers the display name the steward acts under in audit events. */
export async function setStewardName(name: string): Promise<void> {
  const valid = validStewardName(name);
  if (!valid) throw new AppError('validation_failed', 'Use 1–40 letters, digits, spaces, dots, dashes, underscores or @');
  (await cookies()).set(STEWARD_NAME_COOKIE, valid, { ...cookieOptions(365 * 24 * 60 * 60), httpOnly: false });
}

/** Ends the session on the server (a copied cookie stops working too), then clears the cookies. */
export async function signOut(): Promise<void> {
  const jar = await cookies();
  const sessionId = jar.get(SESSION_COOKIE)?.value;
  try {
    if (sessionId) await endStewardSession((await appContext('steward')).db, sessionId);
  } finally {
    jar.delete(SESSION_COOKIE);
    jar.delete(LEGACY_KEY_COOKIE);
    jar.delete(STEWARD_NAME_COOKIE);
  }
}

/** What the header shows: no database round trip, just the remembered name. */
export async function stewardDisplayName(): Promise<{ name: string; signedIn: boolean; required: boolean }> {
  const jar = await cookies();
  const required = authRequired();
  const name = jar.get(STEWARD_NAME_COOKIE)?.value;
  if (required) return { name: name ?? '', signedIn: Boolean(jar.get(SESSION_COOKIE)), required };
  return { name: validStewardName(name) ?? DEFAULT_STEWARD, signedIn: true, required };
}
