import { describe, expect, it } from 'vitest';
import { assertStorableText, readJsonBody } from './body';

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request('http://localhost/x', { method: 'POST', body, headers });

describe('readJsonBody', () => {
  it('parses a JSON object', async () => {
    await expect(readJsonBody(post('{"a":1}'))).resolves.toEqual({ a: 1 });
  });
  it.each([
    ['{bad', 'invalid_json'],
    ['', 'invalid_json'],
  ])('answers %j with %s', async (body, code) => {
    await expect(readJsonBody(post(body))).rejects.toMatchObject({ code });
  });
  it('refuses a body over the limit even without a content-length header', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`{"a":"${'x'.repeat(2000)}"}`));
        controller.close();
      },
    });
    const request = new Request('http://localhost/x', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    await expect(readJsonBody(request, 1000)).rejects.toMatchObject({ code: 'payload_too_large' });
  });
  it('refuses a body without a content type (what a no-cors Blob from another site sends)', async () => {
    const untyped = new Request('http://localhost/x', { method: 'POST', body: new TextEncoder().encode('{"a":1}') });
    expect(untyped.headers.get('content-type')).toBeNull();
    await expect(readJsonBody(untyped)).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('(got none)') });
  });
  it.each([
    ['a lone continuation byte', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d])],
    ['a truncated two-byte sequence', Buffer.concat([Buffer.from('{"company_name":"M'), Buffer.from([0xc3]), Buffer.from('ller"}')])],
    ['an overlong encoding of "/"', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])],
    ['an encoded surrogate (CESU-8)', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])],
  ])('refuses a body with invalid UTF-8 (%s) as invalid_json instead of storing U+FFFD', async (_label, bytes) => {
    const request = new Request('http://localhost/x', { method: 'POST', body: bytes, headers: { 'content-type': 'application/json' } });
    await expect(readJsonBody(request)).rejects.toMatchObject({ code: 'invalid_json', message: expect.stringMatching(/UTF-8/) });
  });
  it('still reads UTF-8 with a byte order mark and multi-byte characters', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"Müller 王 😀"}')]), headers: { 'content-type': 'application/json' } });
    await expect(readJsonBody(request)).resolves.toEqual({ a: 'Müller 王 😀' });
  });
  it('refuses a non-JSON content type', async () => {
    await expect(readJsonBody(post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }))).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });
});

describe('assertStorableText', () => {
  it.each([
    [{ company_name: 'a\u0000b' }, 'company_name'],
    [{ identifiers: [{ type: 'vat', value: 'DE\ud800' }] }, 'identifiers.0.value'],
    [{ ['k\u0000']: 1 }, '(root)'],
  ])('refuses %j naming %s', (value, path) => {
    expect(() => assertStorableText(value)).toThrow(expect.objectContaining({ code: 'validation_failed', details: [expect.objectContaining({ path })] }));
  });

  it('accepts ordinary and astral unicode', () => {
    expect(() => assertStorableText({ name: 'Müller 王杰 😀', list: ['x', 1, null] })).not.toThrow();
  });
});

describe('assertStorableText on deep nesting', () => {
  it('refuses 10,000 levels of arrays without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(() => assertStorableText({ source_id: deep })).toThrow(expect.objectContaining({ code: 'validation_failed', message: expect.stringMatching(/nested more than 32 levels/) }));
  });
  it('accepts ordinary nesting', () => {
    expect(() => assertStorableText({ identifiers: [{ type: 'vat', value: 'DE1' }] })).not.toThrow();
  });
});
