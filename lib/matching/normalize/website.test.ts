import { describe, expect, it } from 'vitest';
import { websiteDomain } from './website';

describe('websiteDomain', () => {
  it.each<[string | null, string | null]>([
    ['https://www.acme.com/about', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['ACME.COM', 'acme.com'],
    ['http://shop.acme.co.uk', 'acme.co.uk'],
    ['acme.com.au/contact?x=1', 'acme.com.au'],
    ['localhost', null],
    ['', null],
    [null, null],
  ])('%s → %s', (raw, expected) => expect(websiteDomain(raw)).toBe(expected));
});
