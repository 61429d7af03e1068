// The embedding provider failing (a stub OpenAI-compatible server on 127.0.0.1 answering 503): submissions,
// batches and customer writes are still stored — with their keys, flagged for re-embedding — and matched on
// exact keys and trigrams; once the provider is back, `npm run reembed -- --pending-only` completes them.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { embedText } from '../../lib/embeddings/local';
import { startAppServer, type AppServer } from '../support/app-server';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let postgres: PrivatePostgres | undefined;
let app: AppServer | undefined;
let stub: Server | undefined;
let providerUp = false;
let origin = '';

test.beforeAll(async () => {
  test.skip(!postgresBinDir(), 'no PostgreSQL server binaries on this machine');
  stub = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (!providerUp) {
        response.statusCode = 503;
        return response.end(JSON.stringify({ error: { message: 'The service is temporarily unavailable' } }));
      }
      const { input, model } = JSON.parse(body) as { input: string[]; model: string };
      response.end(JSON.stringify({ object: 'list', model, data: input.map((text, index) => ({ object: 'embedding', index, embedding: embedText(text) })), usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((resolve) => stub!.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  postgres = startPrivatePostgres(5495);
  app = await startAppServer(3195, { DATABASE_URL: postgres.url, SEED_DEMO_DATA: 'true', ...providerEnv() });
});

test.afterAll(async () => {
  await app?.stop();
  postgres?.destroy();
  await new Promise((resolve) => stub?.close(resolve));
});

function providerEnv(): Record<string, string> {
  return { EMBEDDING_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${origin}/v1`, EMBEDDING_MAX_RETRIES: '0', EMBEDDING_CIRCUIT_BREAK_MS: '0' };
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${app!.baseURL}/api/v1${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test('with the provider down every write is stored, flagged and matched degraded; reembed completes it when it is back', async () => {
  const customer = await call('POST', '/customers', { company_name: 'Zephyrine Quillworks Ltd', email: 'hello@quillworks.example', city: 'Boise', country: 'US' });
  expect(customer).toMatchObject({ status: 201, body: { needs_embedding: true } });
  const id = customer.body.customer_id as number;
  expect(await call('PATCH', `/customers/${id}`, { city: 'Boise City' })).toMatchObject({ status: 200, body: { needs_embedding: true, city: 'Boise City' } });

  const single = await call('POST', '/customers/incoming?match=true', { company_name: 'Zephyrine Quillworks', email: 'hello@quillworks.example', country: 'US' });
  expect(single).toMatchObject({ status: 201, body: { partial: true, incoming_customer: { needs_embedding: true } } });
  expect((single.body.matches as Array<{ matched_customer_id: number }>)[0].matched_customer_id).toBe(id);

  const batch = await call('POST', '/customers/incoming/batch', { records: [{ company_name: 'ACME Corp.', email: 'john.smith@acme.com' }, { company_name: 'Globex Technologies', city: 'San Francisco' }], match: true });
  expect(batch.status).toBe(201);
  expect(batch.body).toMatchObject({ received: 2, stored: 2, rejected: 0 });
  const incomingIds = (batch.body.results as Array<{ incoming_id: number }>).map((result) => result.incoming_id);
  for (const incomingId of incomingIds) expect((await call('GET', `/customers/incoming/${incomingId}`)).body).toMatchObject({ incoming_customer: { needs_embedding: true }, partial: true });

  providerUp = true;
  // Not spawnSync: the stub answering the CLI runs in this process.
  const reembed = spawn('npx', ['tsx', 'scripts/reembed.ts', '--pending-only'], { env: { ...process.env, ...providerEnv(), DATABASE_URL: postgres!.url, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  reembed.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  expect(await new Promise((resolve) => reembed.once('exit', resolve)), stderr).toBe(0);
  expect((await call('GET', `/customers/${id}`)).body).toMatchObject({ needs_embedding: false });
  for (const incomingId of [...incomingIds, (single.body.incoming_customer as { incoming_id: number }).incoming_id]) {
    expect((await call('GET', `/customers/incoming/${incomingId}`)).body).toMatchObject({ incoming_customer: { needs_embedding: false }, partial: false });
  }
});
