// Keyset pagination in headers (Link rel="next", X-Next-Cursor), so list bodies stay plain JSON arrays.
export function paginationHeaders(requestUrl: string, nextCursor: number | null): Headers {
  const headers = new Headers();
  if (nextCursor === null) return headers;
  const next = new URL(requestUrl);
  next.searchParams.set('cursor', String(nextCursor));
  headers.set('Link', `<${next.pathname}${next.search}>; rel="next"`);
  headers.set('X-Next-Cursor', String(nextCursor));
  return headers;
}
