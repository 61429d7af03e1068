import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowHeader, ROUTE_METHODS } from './methods';

describe('allowHeader', () => {
  it.each<[Parameters<typeof allowHeader>[0], string]>([
    [['GET'], 'GET, HEAD, OPTIONS'],
    [['POST'], 'OPTIONS, POST'],
    [['GET', 'PATCH', 'DELETE'], 'DELETE, GET, HEAD, OPTIONS, PATCH'],
  ])('%j → %s', (allowed, expected) => {
    expect(allowHeader(allowed)).toBe(expected);
  });
});

// A route file that forgets unsupportedMethods answers Next's empty 405 again, and its OPTIONS lies.
describe('every API route file', () => {
  const files = readdirSync('app/api/v1', { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts').map((file) => path.join('app/api/v1', file));
  it('is found', () => expect(files.length).toBeGreaterThanOrEqual(15));
  it.each(files)('%s answers every method: its own, or a JSON 405 via unsupportedMethods', (file) => {
    const source = readFileSync(file, 'utf8');
    const own = [...source.matchAll(/^export const (GET|POST|PUT|PATCH|DELETE) =/gm)].map((match) => match[1]);
    const rest = /^export const \{ ([\w, ]+) \} = unsupportedMethods\(([^)]*)\);$/m.exec(source);
    expect(rest, 'export const { … } = unsupportedMethods(…)').not.toBeNull();
    expect(rest![2].split(',').map((name) => name.trim().replace(/'/g, '')).sort()).toEqual([...own].sort());
    expect([...own, ...rest![1].split(', ')].sort()).toEqual([...ROUTE_METHODS, 'OPTIONS'].sort());
  });
});
