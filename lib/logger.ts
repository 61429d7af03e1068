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
