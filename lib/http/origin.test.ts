import { describe, expect, it } from 'vitest';
import { assertSameOrigin, foreignHostReason, foreignOriginReason } from './origin';

const HOST = { host: 'app.example:3000' };

describe('foreignOriginReason', () => {
  it.each<[string, string, Record<string, string>, string | null]>([
    ['a same-origin browser POST', 'POST', { ...HOST, origin: 'http://app.example:3000', 'sec-fetch-site': 'same-origin' }, null],
    ['curl (neither header)', 'POST', HOST, null],
    ['a GET from anywhere', 'GET', { ...HOST, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, null],
    ['HEAD and OPTIONS from anywhere', 'OPTIONS', { ...HOST, origin: 'null' }, null],
    ['an API key from anywhere', 'DELETE', { ...HOST, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', authorization: 'Bearer cm_x' }, null],
    ['a typed URL (Sec-Fetch-Site: none)', 'POST', { ...HOST, 'sec-fetch-site': 'none' }, null],
    ['behind a proxy: X-Forwarded-Host names the public host', 'PATCH', { host: '10.0.0.5:3000', 'x-forwarded-host': 'cm.example.org, 10.0.0.1', origin: 'https://cm.example.org' }, null],
    ['a foreign Origin', 'POST', { ...HOST, origin: 'https://evil.example' }, 'Origin: evil.example'],
    ['another port of the same host', 'POST', { ...HOST, origin: 'http://app.example:4000' }, 'Origin: app.example:4000'],
    ['Origin: null (sandboxed frame, file:, privacy redirect)', 'POST', { ...HOST, origin: 'null' }, 'Origin: null'],
    ['an unparsable Origin', 'DELETE', { ...HOST, origin: 'not a url' }, 'Origin: not a url'],
    ['Sec-Fetch-Site: cross-site without Origin', 'POST', { ...HOST, 'sec-fetch-site': 'cross-site' }, 'Sec-Fetch-Site: cross-site'],
    ['Sec-Fetch-Site: same-site (a sibling subdomain or port)', 'PUT', { ...HOST, origin: 'http://app.example:3000', 'sec-fetch-site': 'same-site' }, 'Sec-Fetch-Site: same-site'],
    ['Basic credentials, which a browser resends by itself, do not make it an API client', 'POST', { ...HOST, origin: 'https://evil.example', authorization: 'Basic dTpw' }, 'Origin: evil.example'],
    ['a cookie does not make it an API client', 'POST', { ...HOST, origin: 'https://evil.example', cookie: 'cm_steward_key=x' }, 'Origin: evil.example'],
  ])('%s', (_label, method, headers, expected) => {
    expect(foreignOriginReason(method, new Headers(headers))).toBe(expected);
  });
});

describe('assertSameOrigin', () => {
  it('throws forbidden (403) naming what gave it away', () => {
    const request = new Request('http://127.0.0.1:3000/api/v1/customers', { method: 'POST', headers: { host: '127.0.0.1:3000', origin: 'null' } });
    expect(() => assertSameOrigin(request)).toThrow(expect.objectContaining({ code: 'forbidden', status: 403, message: expect.stringContaining('Origin: null') }));
  });
});

describe('foreignHostReason (DNS rebinding in open mode)', () => {
  const headers = (host: string) => new Headers({ host });
  it.each(['127.0.0.1:3000', 'localhost:3000', 'LOCALHOST', '[::1]:3000', 'app.localhost:3000'])('serves %s', (host) => {
    expect(foreignHostReason(headers(host), true, [])).toBeNull();
  });
  it('refuses any other name in open mode, unless allowed; with keys required any name is served', () => {
    expect(foreignHostReason(headers('evil.example:3000'), true, [])).toBe('Host: evil.example');
    expect(foreignHostReason(headers('192.168.1.20:3000'), true, [])).toBe('Host: 192.168.1.20');
    expect(foreignHostReason(headers('steward-pc.lan:3000'), true, ['steward-pc.lan'])).toBeNull();
    expect(foreignHostReason(headers('evil.example'), false, [])).toBeNull();
  });
});

describe('assertSameOrigin in open mode', () => {
  it('refuses a request addressed to a foreign name first, saying how to allow it', () => {
    const request = new Request('http://evil.example:3000/api/v1/customers', { headers: { host: 'evil.example:3000' } });
    expect(() => assertSameOrigin(request)).toThrow(expect.objectContaining({ code: 'forbidden', message: expect.stringMatching(/evil\.example.*ALLOWED_HOSTS/) }));
  });
});
