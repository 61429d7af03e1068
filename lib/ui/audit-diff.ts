// What an audit event changed: keys whose before and after differ, as short text for a table cell.
export interface AuditChange {
  key: string;
  before: string;
  after: string;
}

/** Said where a side does not record the key, so it never reads as "cleared". */
export const NOT_RECORDED = 'not recorded';

/** A value as text a steward reads: objects (provenance, a resolution) as "key: value" pairs, never as JSON. */
function words(value: unknown): string {
  if (value === null || value === '') return 'empty';
  if (Array.isArray(value)) return value.length ? value.map(words).join(', ') : 'none';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined && inner !== null)
      .map(([key, inner]) => `${key.replaceAll('_', ' ')}: ${words(inner)}`)
      .join('; ');
  }
  return String(value);
}

function show(value: unknown): string {
  if (value === undefined) return NOT_RECORDED;
  const text = words(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const left = record(before);
  const right = record(after);
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys
    .filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .map((key) => ({ key, before: show(left[key]), after: show(right[key]) }));
}

/** Where an audited entity can be looked at in the UI, if anywhere. */
export function entityHref(entityType: string, entityId: string): string | null {
  if (!/^\d+$/.test(entityId)) return null;
  switch (entityType) {
    case 'matching_result':
      return `/review/${entityId}`;
    case 'customer':
      return `/directory/${entityId}`;
    case 'incoming_customer':
      return `/review/incoming/${entityId}`;
    default:
      return null;
  }
}
