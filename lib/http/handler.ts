// Wraps every route handler: request id, error mapping to { error: { code, message } }, access log.
import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { toAppError } from '../errors';
import { logger } from '../logger';

export interface RouteContext<P> {
  params: P;
  requestId: string;
}

type Handler<P> = (request: NextRequest, context: RouteContext<P>) => Promise<Response>;

const REQUEST_ID_PATTERN = /^[\w.-]{1,64}$/;

export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: NextRequest, nextContext: { params?: Promise<P> }): Promise<Response> => {
    const incomingId = request.headers.get('x-request-id');
    const requestId = incomingId && REQUEST_ID_PATTERN.test(incomingId) ? incomingId : randomUUID();
    const started = performance.now();
    let response: Response;
    try {
      const params = ((await nextContext?.params) ?? {}) as P;
      response = await handler(request, { params, requestId });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.status >= 500) logger().error({ err: error, requestId }, 'request failed');
      response = NextResponse.json(appError.toBody(), { status: appError.status });
    }
    response.headers.set('x-request-id', requestId);
    const path = new URL(request.url).pathname;
    logger().info({ requestId, method: request.method, path, status: response.status, ms: Math.round(performance.now() - started) }, 'request');
    return response;
  };
}

export function json(body: unknown, init?: ResponseInit): NextResponse {
  return NextResponse.json(body, init);
}
