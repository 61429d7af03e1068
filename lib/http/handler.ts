// Wraps every route handler: request id, authentication and scope, rate limit, JSON body with a size
// limit, Idempotency-Key on creates, and errors as { error: { code, message } } — never a stack trace.
import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { getDatabaseHandle } from '../db';
import { AppError, toAppError } from '../errors';
import { logger, safeError } from '../logger';
import { isDatabaseUnavailable } from '../services/db-errors';
import { appContext } from '../services/bootstrap';
import type { ApiScope, Principal } from '../services/api-keys';
import type { ServiceContext } from '../services/context';
import { authenticate, requireScope } from './auth';
import { retryAfterOf } from './auth-failures';
import { readBodyText, parseJsonText } from './body';
import { withIdempotency } from './idempotency';
import { assertSameOrigin } from './origin';
import { getRateLimiter } from './rate-limit';

export interface RouteContext<P> {
  params: P;
  requestId: string;
  principal: Principal;
  /** The service context for this request (database, actor, request id). */
  service(): Promise<ServiceContext>;
  /** The parsed JSON body (POST/PATCH routes only). */
  body: unknown;
}

export interface RouteOptions {
  /** Scope the caller needs; null for public endpoints (health, OpenAPI). */
  scope: ApiScope | null;
  /** Parse a JSON body (size-limited). */
  body?: boolean;
  /** Honour Idempotency-Key (POSTs that create). */
  idempotent?: boolean;
  /** Body size limit in bytes. */
  maxBodyBytes?: number;
}

type Handler<P> = (request: NextRequest, context: RouteContext<P>) => Promise<Response>;

const REQUEST_ID_PATTERN = /^[\w.-]{1,64}$/;
const PUBLIC_PRINCIPAL: Principal = { id: 'public', actor: 'anonymous', scopes: [] };

const DATABASE_UNAVAILABLE = new AppError('service_unavailable', 'The database is not reachable right now; try again shortly (check DATABASE_URL if it lasts).');

async function database() {
  try {
    return (await getDatabaseHandle()).db;
  } catch {
    throw DATABASE_UNAVAILABLE;
  }
}

export function route<P = Record<string, never>>(options: RouteOptions, handler: Handler<P>) {
  return async (request: NextRequest, nextContext: { params?: Promise<P> }): Promise<Response> => {
    const incomingId = request.headers.get('x-request-id');
    const requestId = incomingId && REQUEST_ID_PATTERN.test(incomingId) ? incomingId : randomUUID();
    const started = performance.now();
    const headers = new Headers();
    let principal = PUBLIC_PRINCIPAL;
    let response: Response;
    try {
      // Writes from another site's pages: the proxy refuses them too, but does not run for the multipart import.
      assertSameOrigin(request);
      if (options.scope !== null) {
        principal = await authenticate(request, database);
        requireScope(principal, options.scope);
        const rate = await (await getRateLimiter()).take(principal.id);
        headers.set('RateLimit-Remaining', String(rate.remaining));
        if (!rate.allowed) {
          headers.set('Retry-After', String(rate.retryAfterSeconds));
          throw new AppError('rate_limited', `Too many requests; retry after ${rate.retryAfterSeconds} s`);
        }
      }
      const params = ((await nextContext?.params) ?? {}) as P;
      const bodyText = options.body ? await readBodyText(request, options.maxBodyBytes) : '';
      const body = options.body ? parseJsonText(bodyText) : undefined;
      const context: RouteContext<P> = {
        params,
        requestId,
        principal,
        body,
        service: () => appContext(principal.actor, requestId),
      };
      const run = () => handler(request, context);
      response = options.idempotent
        ? await withIdempotency(
            { db: await database(), principal: principal.id, key: request.headers.get('idempotency-key'), method: request.method, path: new URL(request.url).pathname, body: bodyText },
            run,
          )
        : await run();
    } catch (error) {
      const appError = isDatabaseUnavailable(error) ? DATABASE_UNAVAILABLE : toAppError(error);
      // The cause in words, never the query's parameters (record contents).
      if (appError.status >= 500) logger().error({ err: safeError(error), requestId }, 'request failed');
      response = NextResponse.json(appError.toBody(), { status: appError.status });
      if (appError.status === 401) response.headers.set('WWW-Authenticate', 'Bearer realm="customer-matching"');
      const retryAfter = retryAfterOf(appError);
      if (retryAfter !== undefined) headers.set('Retry-After', String(retryAfter));
    }
    headers.forEach((value, key) => response.headers.set(key, value));
    response.headers.set('x-request-id', requestId);
    const path = new URL(request.url).pathname;
    logger().info({ requestId, method: request.method, path, status: response.status, principal: principal.id, ms: Math.round(performance.now() - started) }, 'request');
    return response;
  };
}

export function json(body: unknown, init?: ResponseInit): NextResponse {
  return NextResponse.json(body, init);
}
