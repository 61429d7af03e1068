import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isUniqueViolation } from './db-errors';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['server shut down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['cannot connect now', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection exception class 08', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['pool: connection ended', new Error('Connection terminated unexpectedly')],
    ['wrapped by Drizzle', Object.assign(new Error('Failed query: select 1'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
  ])('%s → unavailable', (_label, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a bug', new TypeError('x is undefined')],
  ])('%s → not unavailable', (_label, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it('still tells a unique violation', () => expect(isUniqueViolation({ cause: { code: '23505' } })).toBe(true));
});
