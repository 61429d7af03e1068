// An audit event's before/after snapshots as the field changes a steward reads: "city: Seattle → Boston".
// Snapshots are free-form JSON (see lib/services/*), so anything that is not a plain object shows nothing.

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function display(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fields present in either snapshot, in the order they were written; unchanged values are left out. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])];
  return fields.flatMap((field) => {
    const change = { field, before: display(from[field]), after: display(to[field]) };
    return change.before === change.after ? [] : [change];
  });
}
