// The TCP peer of a request. Next 16 gives route handlers no socket address (request.ip is gone) and sets
// X-Forwarded-For to it only when the client sent none, so that header alone is the client's to choose.
// Node's http.server.request.start diagnostics channel sees every request with its socket before Next does:
// it writes the peer into an internal header tagged with a per-process token, which no client can forge.
import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export const PEER_HEADER = 'x-cm-peer-address';

const state = globalThis as unknown as { customerMatchingPeerToken?: string };

/** Called once at start-up (instrumentation.ts), in the process that runs the HTTP server. */
export function recordPeerAddresses(): void {
  if (state.customerMatchingPeerToken) return;
  const token = randomBytes(16).toString('hex');
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = `${token} ${socket.remoteAddress ?? ''}`;
  });
  state.customerMatchingPeerToken = token;
}

/** The socket address recorded for this request, or undefined when none was (no recorder, or a forged header). */
export function peerAddress(headers: Headers): string | undefined {
  const token = state.customerMatchingPeerToken;
  const value = headers.get(PEER_HEADER);
  if (!token || !value?.startsWith(`${token} `)) return undefined;
  return value.slice(token.length + 1) || undefined;
}
