// A thin HTTP client for the REST API: JSON bodies sent as exact text (so hostile keys such as
// "__proto__" survive), optional Bearer key, 429s waited out, and an x-request-id check on every response.
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { recordResponse } from './coverage';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

export interface SendOptions {
  /** A value to send as JSON (serialised with JSON.stringify). */
  json?: unknown;
  /** A body sent byte for byte; give contentType too. */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Wait out a 429 (Retry-After) and send again; off for the tests of the rate limiter itself. */
  retryRateLimited?: boolean;
  /** Check that the response carries x-request-id (every API response must). */
  expectRequestId?: boolean;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;
const MAX_RATE_LIMIT_RETRIES = 30;

export class ApiClient {
  constructor(
    private readonly request: APIRequestContext,
    private readonly bearer?: string,
  ) {}

  /** The same client presenting another API key (or none). */
  withKey(bearer: string | undefined): ApiClient {
    return new ApiClient(this.request, bearer);
  }

  get(path: string, options: SendOptions = {}) {
    return this.send('GET', path, options);
  }

  post(path: string, json?: unknown, options: SendOptions = {}) {
    return this.send('POST', path, json === undefined ? options : { ...options, json });
  }

  patch(path: string, json?: unknown, options: SendOptions = {}) {
    return this.send('PATCH', path, json === undefined ? options : { ...options, json });
  }

  delete(path: string, options: SendOptions = {}) {
    return this.send('DELETE', path, options);
  }

  async send(method: HttpMethod, path: string, options: SendOptions = {}): Promise<APIResponse> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.bearer && !hasHeader(headers, 'authorization')) headers.Authorization = `Bearer ${this.bearer}`;
    let data: string | Buffer | undefined;
    if (options.raw !== undefined) {
      // A Buffer, because Playwright JSON-encodes a *string* body once more when the content type is JSON.
      data = typeof options.raw === 'string' ? Buffer.from(options.raw) : options.raw;
      if (options.contentType) headers['Content-Type'] = options.contentType;
    } else if (options.json !== undefined) {
      data = Buffer.from(JSON.stringify(options.json));
      headers['Content-Type'] = options.contentType ?? 'application/json';
    }
    for (let attempt = 0; ; attempt += 1) {
      const response = await this.request.fetch(path, { method, headers, data, maxRedirects: 0, failOnStatusCode: false });
      if (response.status() === 429 && options.retryRateLimited !== false && attempt < MAX_RATE_LIMIT_RETRIES) {
        const retryAfter = Number(response.headers()['retry-after'] ?? '1');
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, retryAfter) * 1000 + 50));
        continue;
      }
      if (options.expectRequestId !== false) {
        expect(response.headers()['x-request-id'], `${method} ${path} answered ${response.status()} without x-request-id`).toMatch(REQUEST_ID);
      }
      recordResponse(method, path, response.status());
      return response;
    }
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** A body of exactly `bytes` bytes of valid JSON (one long string field). */
export function jsonBodyOfSize(bytes: number, field = 'company_name'): Buffer {
  const overhead = `{"${field}":""}`.length;
  return Buffer.from(`{"${field}":"${'x'.repeat(Math.max(0, bytes - overhead))}"}`);
}
