// Runs before every API request: one request id for the whole request, also on responses Next
// generates itself (405 for an unsupported method), where the route wrapper never runs.
import { NextResponse, type NextRequest } from 'next/server';

const REQUEST_ID_PATTERN = /^[\w.-]{1,64}$/;

export function proxy(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  // Not the file import: Next buffers (and past 10 MB cuts off) the body of every request the proxy sees.
  matcher: ['/api/((?!v1/customers/import$).*)', '/customers', '/customers/((?!import$).*)', '/matches/:path*', '/health', '/audit', '/openapi.json'],
};
