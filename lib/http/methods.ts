// Next answers a method that a route file does not export with an empty 405, and its OPTIONS lists every
// export: API route files export these handlers for the methods they lack, so both tell the truth in JSON.
import { NextResponse } from 'next/server';
import { AppError } from '../errors';
import { route } from './handler';

export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

type Handler = ReturnType<typeof route<unknown>>;

/** As RFC 9110 wants it: HEAD wherever GET is, OPTIONS always, sorted. */
export function allowHeader(allowed: readonly RouteMethod[]): string {
  return [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort().join(', ');
}

/**
 * A 405 in the error shape with Allow for each method not in `allowed`, and an OPTIONS naming `allowed`:
 * `export const { PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET', 'POST');`
 */
export function unsupportedMethods<const A extends RouteMethod>(...allowed: A[]): Record<Exclude<RouteMethod, A> | 'OPTIONS', Handler> {
  const allow = allowHeader(allowed);
  const notAllowed = route<unknown>({ scope: null }, async (request) => {
    const error = new AppError('method_not_allowed', `${request.method} is not supported on ${new URL(request.url).pathname}; it answers ${allow}`);
    return NextResponse.json(error.toBody(), { status: error.status, headers: { Allow: allow } });
  });
  const handlers: Record<string, Handler> = { OPTIONS: route<unknown>({ scope: null }, async () => new Response(null, { status: 204, headers: { Allow: allow } })) };
  for (const method of ROUTE_METHODS) if (!(allowed as RouteMethod[]).includes(method)) handlers[method] = notAllowed;
  return handlers as Record<Exclude<RouteMethod, A> | 'OPTIONS', Handler>;
}
