// Structured logging (pino). Secrets and personal fields are redacted wherever they appear in a log object.
import pino from 'pino';
import { env } from './env';

const redactPaths = [
  'password', '*.password', 'apiKey', '*.apiKey', 'authorization', '*.authorization', 'headers.authorization',
  'req.headers.authorization', 'email', '*.email', 'phone', '*.phone', 'connectionString', '*.connectionString',
];

let instance: pino.Logger | undefined;

export function logger(): pino.Logger {
  instance ??= pino({ level: env().LOG_LEVEL, redact: { paths: redactPaths, censor: '[redacted]' }, base: { app: 'customer-matching' } });
  return instance;
}

const MAX_LOGGED_MESSAGE = 500;

/**
 * An error as it may be logged: its type, SQLSTATE and first message line. Drizzle wraps driver errors as
 * "Failed query: <sql> params: <values>" — the values are record contents (names, emails, vectors), so the
 * driver's own message (the cause) is kept instead, and no stack (it can quote values too).
 */
export function safeError(error: unknown): { type: string; message: string; code?: string } {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  const source = error instanceof Error && error.message.startsWith('Failed query') && cause instanceof Error ? cause : error;
  const message = (source instanceof Error ? source.message : String(source)).split('\n')[0].trim().slice(0, MAX_LOGGED_MESSAGE);
  const code = (source as { code?: unknown })?.code;
  return { type: source instanceof Error ? source.name : typeof source, message, ...(typeof code === 'string' ? { code } : {}) };
}
