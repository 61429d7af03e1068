import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each<[string, string | null, string | null, string]>([
    ['702-919-1300', null, '+17029191300', '9191300'],
    ['(702) 919 1300', 'US', '+17029191300', '9191300'],
    ['1-702-919-1300', 'US', '+17029191300', '9191300'],
    ['+1 702.919.1300 ', 'DE', '+17029191300', '9191300'],
    ['02 9876 5432', 'AU', '+61298765432', '8765432'],
    ['+44 20 7946 0958', null, '+442079460958', '9460958'],
    ['321-3212', 'US', null, '3213212'],
    ['070 360 8516', null, null, '3608516'],
    ['070 360 8516', 'NL', '+31703608516', '3608516'],
  ])('%s in %s → %s / %s', (raw, country, e164, last7) => {
    expect(normalizePhone(raw, country)).toEqual({ e164, last7 });
  });

  it.each([[null], [''], ['12-34'], ['n/a']])('rejects %s', (raw) => expect(normalizePhone(raw)).toBeNull());
});
