// The security headers that vary per request, set by the proxy: the pages' Content-Security-Policy with a
// fresh nonce (Next reads it from the request's CSP header and stamps its own scripts with it) and HSTS.
// The fixed ones (nosniff, Referrer-Policy, X-Frame-Options, the API's CSP) are in next.config.mjs.
import type { Env } from '../env';

/** The REST API and the proof of concept's paths that next.config.mjs rewrites onto it: JSON, no nonce. */
const API_PATH = /^\/(?:api(?:\/|$)|customers(?:\/|$)|matches(?:\/|$)|health$|audit$|openapi\.json$)/;

export function isApiPath(pathname: string): boolean {
  return API_PATH.test(pathname);
}

/** 128 random bits, base64: unguessable for the one response it is used in. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function pageContentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    // 'self' loads Next's chunks and Swagger UI's bundle (nosniff keeps JSON and CSV from passing as script);
    // the nonce admits Next's inline scripts; React's development build needs eval.
    `script-src 'self' 'nonce-${nonce}'${options.development ? " 'unsafe-eval'" : ''}`,
    // React renders style attributes (Recharts, Swagger UI), and a nonce cannot cover an attribute.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export type HstsMode = Env['HSTS'];

/** One year; no includeSubDomains: the app does not own its parent domain's other hosts. */
export const HSTS_VALUE = 'max-age=31536000';

/** Over TLS itself, or behind a proxy that terminated it and says so (a browser ignores HSTS over http anyway). */
function arrivedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return new URL(request.url).protocol === 'https:' || forwarded === 'https';
}

/** The Strict-Transport-Security value, or null: auto sends it in production over https only. */
export function strictTransportSecurity(mode: HstsMode, production: boolean, request: Request): string | null {
  if (mode === 'off') return null;
  if (mode === 'on') return HSTS_VALUE;
  return production && arrivedOverHttps(request) ? HSTS_VALUE : null;
}
