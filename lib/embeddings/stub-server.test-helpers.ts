// A stub OpenAI-compatible embeddings server on 127.0.0.1 (random port) speaking the real protocol:
// POST …/embeddings with { model, input, encoding_format?, dimensions? } → { object, data: [{ embedding,
// index }], model, usage }. Tests queue replies (errors, delays, malformed bodies) and read the requests.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { embedText } from './local';

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: { model?: string; input?: string[] | string; encoding_format?: string; dimensions?: number };
  receivedAt: number;
}

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body; omitted → the normal embeddings reply for the request. */
  json?: unknown;
  /** A raw body instead of JSON (sent as application/json to look like a broken server). */
  raw?: string;
  delayMs?: number;
  /** Vector size of the normal reply (default 1536). */
  dimensions?: number;
  /** Ignore encoding_format and answer float arrays. */
  floats?: boolean;
}

export type StubResponder = (request: StubRequest) => StubReply;

export interface StubEmbeddingServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  requests: StubRequest[];
  /** Replies for the next requests, in order; afterwards the default responder answers. */
  queue(...replies: StubReply[]): void;
  setDefault(responder: StubResponder): void;
  inFlightPeak(): number;
  /** Forget requests, queued replies, the peak and the default responder. */
  reset(): void;
  close(): Promise<void>;
}

const float32Base64 = (vector: number[]) => Buffer.from(new Float32Array(vector).buffer).toString('base64');

/** The embeddings reply a real server gives: local vectors (deterministic), base64 when asked for. */
export function embeddingsReply(request: StubRequest, reply: StubReply = {}): unknown {
  const inputs = Array.isArray(request.body.input) ? request.body.input : [request.body.input ?? ''];
  const dimensions = reply.dimensions ?? 1536;
  const base64 = request.body.encoding_format === 'base64' && !reply.floats;
  return {
    object: 'list',
    data: inputs.map((text, index) => {
      const vector = embedText(text, dimensions);
      return { object: 'embedding', index, embedding: base64 ? float32Base64(vector) : vector };
    }),
    model: request.body.model,
    usage: { prompt_tokens: inputs.join(' ').length, total_tokens: inputs.join(' ').length },
  };
}

export async function startStubEmbeddingServer(): Promise<StubEmbeddingServer> {
  const requests: StubRequest[] = [];
  const queued: StubReply[] = [];
  let responder: StubResponder = () => ({});
  let inFlight = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      const request: StubRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : {}, receivedAt: Date.now() };
      requests.push(request);
      const reply = queued.shift() ?? responder(request);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        if (res.destroyed) return;
        const body = reply.raw ?? JSON.stringify(reply.json ?? embeddingsReply(request, reply));
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    queue: (...replies) => queued.push(...replies),
    setDefault: (next) => {
      responder = next;
    },
    inFlightPeak: () => peak,
    reset: () => {
      requests.length = 0;
      queued.length = 0;
      peak = 0;
      responder = () => ({});
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts a stub before the file's tests and closes it after them; `onStart` receives it. */
export function withStubEmbeddingServer(onStart: (stub: StubEmbeddingServer) => void): void {
  let started: StubEmbeddingServer | undefined;
  beforeAll(async () => {
    started = await startStubEmbeddingServer();
    onStart(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}
