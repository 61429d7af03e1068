// Runs before every request but static files and the two multipart uploads: one request id for the whole
// request (also on responses Next generates itself), the Origin rule for writes (API calls and the steward's
// server actions alike), and the security headers that vary per request: the pages' CSP nonce and HSTS.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env';
import { foreignOriginError, requestRefusal } from './lib/http/origin';
import { isApiPath, newNonce, pageContentSecurityPolicy, strictTransportSecurity } from './lib/http/security-headers';
import { logger } from './lib/logger';

const REQUEST_ID_PATTERN = /^[\w.-]{1,64}$/;

function forward(request: NextRequest, requestId: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  if (isApiPath(request.nextUrl.pathname)) return NextResponse.next({ request: { headers } });
  // Next reads the nonce from the request's CSP header and puts it on every script it renders.
  const policy = pageContentSecurityPolicy(newNonce(), { development: env().NODE_ENV === 'development' });
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export function proxy(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
  const refusal = requestRefusal(request.method, request.headers);
  if (refusal) logger().warn({ requestId, method: request.method, path: request.nextUrl.pathname, reason: refusal }, 'request from another site refused');
  const response = refusal ? NextResponse.json(foreignOriginError(refusal).toBody(), { status: 403 }) : forward(request, requestId);
  response.headers.set('x-request-id', requestId);
  const hsts = strictTransportSecurity(env().HSTS, env().NODE_ENV === 'production', request);
  if (hsts) response.headers.set('strict-transport-security', hsts);
  return response;
}

export const config = {
  // Not the file uploads (their routes check the Origin themselves): Next buffers, and past 10 MB cuts off,
  // the body of every request the proxy sees. Nor Next's static files, which need no nonce.
  matcher: ['/((?!_next/static/|_next/image|favicon\\.ico$|api/v1/customers/import$|customers/import$|import/upload$).*)'],
};
