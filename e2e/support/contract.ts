// Assertions on response contracts: status plus the zod response schema of lib/schemas/responses.ts for
// successes, and the one error shape { error: { code, message, details? } } — with nothing internal — for errors.
import { expect, type APIResponse } from '@playwright/test';
import type { z } from 'zod';
import { errorResponseSchema } from '../../lib/schemas/responses';

export type ErrorBody = z.output<typeof errorResponseSchema>;

/** Stack frames, Node internals and SQL must never reach a client. */
const LEAK = /\bat [\w.<>]+ \(|\.(?:ts|js|mjs):\d+|node_modules|\bstack\b|syntax error at|relation "|duplicate key value|violates \w+ constraint|drizzle|pglite|SELECT .* FROM/i;

export function expectNoLeak(text: string, context = 'response'): void {
  expect(LEAK.test(text), `${context} leaks internals: ${text.slice(0, 300)}`).toBe(false);
}

export function expectSchema<S extends z.ZodType>(schema: S, value: unknown, context = 'response body'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${context} does not match its response schema:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(value).slice(0, 500)}`);
  }
  return parsed.data;
}

async function describe(response: APIResponse): Promise<string> {
  return `${response.url()} → ${response.status()}: ${(await response.text()).slice(0, 400)}`;
}

/** Asserts the status, parses the JSON body and validates it against `schema`. */
export async function expectBody<S extends z.ZodType>(response: APIResponse, status: number, schema: S): Promise<z.output<S>> {
  if (response.status() !== status) throw new Error(`expected ${status}, got ${await describe(response)}`);
  return expectSchema(schema, await response.json(), `${new URL(response.url()).pathname} ${status} body`);
}

/** Asserts an error response: status, code, the error shape, an optional message pattern, no internals. */
export async function expectError(response: APIResponse, status: number, code: string, message?: RegExp): Promise<ErrorBody> {
  if (response.status() !== status) throw new Error(`expected ${status} ${code}, got ${await describe(response)}`);
  expect(response.headers()['content-type']).toContain('application/json');
  const text = await response.text();
  expectNoLeak(text);
  const body = expectSchema(errorResponseSchema, JSON.parse(text), `${status} error body`);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  if (message) expect(body.error.message).toMatch(message);
  return body;
}

/** The field paths named in a 422's details. */
export function problemPaths(body: ErrorBody): string[] {
  return (body.error.details as Array<{ path: string }>).map((problem) => problem.path);
}
