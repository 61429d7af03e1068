// The queue's state lives in the URL: build links that change one thing and keep the rest.
export type QueueParams = Record<string, string | string[] | undefined>;

export function queueHref(current: QueueParams, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    if (key in changes || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item !== '') params.append(key, item);
  }
  for (const [key, value] of Object.entries(changes)) if (value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `/review?${query}` : '/review';
}
