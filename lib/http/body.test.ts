import { describe, expect, it } from 'vitest';
import { readJsonBody } from './body';

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
  it('refuses a non-JSON content type', async () => {
    await expect(readJsonBody(post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }))).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });
});
