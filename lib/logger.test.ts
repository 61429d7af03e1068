import { describe, expect, it } from 'vitest';
import { safeError } from './logger';

describe('safeError', () => {
  it('keeps the driver\'s message of a failed query, never the query or its values', () => {
    const cause = Object.assign(new Error('value too long for type character varying(320)'), { code: '22001' });
    const wrapped = Object.assign(new Error('Failed query: insert into "customers" ("email") values ($1)\nparams: maria.lopez@falcontransport.com,[0.1,0.2]'), { cause });
    const logged = safeError(wrapped);
    expect(logged).toEqual({ type: 'Error', message: 'value too long for type character varying(320)', code: '22001' });
    expect(JSON.stringify(logged)).not.toMatch(/falcontransport|params|insert/);
  });

  it('keeps one line of anything else, bounded', () => {
    expect(safeError(new TypeError(`bad\n${'x'.repeat(10)}`))).toEqual({ type: 'TypeError', message: 'bad' });
    expect(safeError('plain').message).toBe('plain');
    expect(safeError(new Error('y'.repeat(2000))).message).toHaveLength(500);
  });
});
