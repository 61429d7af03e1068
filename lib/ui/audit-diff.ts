// What an audit event changed: keys whose before and after differ, as short text for a table cell.
export interface AuditChange {
  key: string;
  before: string;
  after: string;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
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
      return `/review?reviewed=any&q=${entityId}`;
    default:
      return null;
  }
}
