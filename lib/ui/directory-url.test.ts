import { describe, expect, it } from 'vitest';
import { directoryParamsSchema } from '@/lib/schemas/directory';
import { directoryHref, sortChange } from './directory-url';

const parse = (query: Record<string, string | string[]>) => directoryParamsSchema.parse(query);

describe('directoryParamsSchema', () => {
  it('defaults every param and falls back on bad values instead of failing', () => {
    expect(parse({})).toEqual({ q: undefined, sort: 'company_name', dir: 'asc', page: 1, size: 25, semantic: undefined, threshold: 0.5 });
    expect(parse({ sort: 'password', dir: 'sideways', page: '-3', size: '7', threshold: '2', q: '  ' })).toMatchObject({ sort: 'company_name', dir: 'asc', page: 1, size: 25, threshold: 0.5, q: undefined });
  });

  it('keeps valid values and takes the first of a repeated key', () => {
    expect(parse({ q: ' acme ', sort: 'city', dir: 'desc', page: '3', size: '100', semantic: 'acme corp', threshold: '0.7' })).toEqual({ q: 'acme', sort: 'city', dir: 'desc', page: 3, size: 100, semantic: 'acme corp', threshold: 0.7 });
    expect(parse({ sort: ['country', 'city'] }).sort).toBe('country');
  });
});

describe('directoryHref', () => {
  it('leaves defaults out of the URL', () => {
    expect(directoryHref(parse({}))).toBe('/directory');
    expect(directoryHref(parse({ q: 'acme' }), { page: 2 })).toBe('/directory?q=acme&page=2');
  });

  it('encodes user text', () => {
    expect(directoryHref({ semantic: 'a&b=c', threshold: 0.3 })).toBe('/directory?semantic=a%26b%3Dc&threshold=0.3');
  });
});

describe('sortChange', () => {
  it('flips the direction of the sorted column and starts another column ascending on page one', () => {
    expect(sortChange({ sort: 'city', dir: 'asc' }, 'city')).toEqual({ sort: 'city', dir: 'desc', page: 1 });
    expect(sortChange({ sort: 'city', dir: 'desc' }, 'city')).toEqual({ sort: 'city', dir: 'asc', page: 1 });
    expect(sortChange({ sort: 'city', dir: 'desc' }, 'country')).toEqual({ sort: 'country', dir: 'asc', page: 1 });
  });
});
