import { describe, expect, it } from 'vitest';
import { AppError, ERROR_STATUS, toAppError } from './errors';

describe('AppError', () => {
  it('maps codes to statuses and renders one JSON shape', () => {
    const error = new AppError('validation_failed', 'Invalid customer', [{ path: 'email', message: 'bad' }]);
    expect(error.status).toBe(422);
    expect(error.toBody()).toEqual({ error: { code: 'validation_failed', message: 'Invalid customer', details: [{ path: 'email', message: 'bad' }] } });
    expect(ERROR_STATUS.payload_too_large).toBe(413);
    expect(ERROR_STATUS.rate_limited).toBe(429);
  });
  it('hides the message of unexpected errors', () => {
    const hidden = toAppError(new Error('relation "customers" does not exist at character 15'));
    expect(hidden.status).toBe(500);
    expect(hidden.message).not.toMatch(/relation|customers/);
  });
});
