// Idempotency-Key on create requests: the first response is stored and replayed for a retry with the
// same key and the same body; the same key with a different body is refused.
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
} from '../db/queries/idempotency';
import type { Database } from '../db/client';
import { AppError } from '../errors';
import { maybeSweepExpired } from '../services/housekeeping';

const KEY_PATTERN = /^[\w.:-]{1,200}$/;

export interface IdempotentRequest {
  db: Database;
  principal: string;
  key: string | null;
  method: string;
  path: string;
  body: string;
}

/** Runs `create` at most once per key; a replay answers the stored status and body with Idempotent-Replayed: true. */
export async function withIdempotency(request: IdempotentRequest, create: () => Promise<Response>): Promise<Response> {
  if (request.key === null) return create();
  if (!KEY_PATTERN.test(request.key)) {
    throw new AppError('bad_request', 'Idempotency-Key must be 1–200 characters of letters, digits, _ . : -');
  }
  const requestHash = createHash('sha256').update(`${request.method} ${request.path}\n${request.body}`).digest('hex');
  const claimed = await claimIdempotencyKey(request.db, { principal: request.principal, key: request.key, method: request.method, path: request.path, requestHash });
  // Stored responses expire: a keyed write is the moment to clear old ones (at most every few minutes, not awaited).
  void maybeSweepExpired(request.db);
  if (!claimed) {
    const existing = await findIdempotencyKey(request.db, request.principal, request.key);
    if (!existing || existing.requestHash !== requestHash) {
      throw new AppError('validation_failed', 'This Idempotency-Key was already used with a different request; use a new key for a new request');
    }
    if (existing.statusCode === null) {
      throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    return NextResponse.json(existing.responseBody, { status: existing.statusCode, headers: { 'Idempotent-Replayed': 'true' } });
  }
  let response: Response;
  try {
    response = await create();
  } catch (error) {
    // A failed attempt must not block a corrected retry with the same key.
    await releaseIdempotencyKey(request.db, request.principal, request.key);
    throw error;
  }
  if (response.status >= 500) {
    await releaseIdempotencyKey(request.db, request.principal, request.key);
    return response;
  }
  const body = await response.clone().json().catch(() => null);
  await completeIdempotencyKey(request.db, request.principal, request.key, response.status, body);
  return response;
}
