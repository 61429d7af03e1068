// What happened to one customer, newest first: who did it, when, and which fields changed.
import { EmptyState } from '@/components/ui/states';
import type { AuditEvent } from '@/lib/services/audit';
import { auditChanges } from '@/lib/ui/audit-changes';
import { fieldLabel, formatDateTime } from '@/lib/ui/format';

export function AuditTrail({ events, hasMore }: { events: AuditEvent[]; hasMore: boolean }) {
  if (events.length === 0) return <EmptyState title="No audit events for this customer" />;
  return (
    <div className="space-y-2">
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {events.map((event) => {
          const changes = auditChanges(event.before, event.after);
          return (
            <li key={event.id} className="p-3 text-sm">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-mono font-medium">{event.action}</span>
                <span className="text-slate-600">by {event.actor}</span>
                <time dateTime={event.at.toISOString()} className="text-slate-600">{formatDateTime(event.at)}</time>
              </div>
              {changes.length > 0 ? (
                <ul className="mt-1 space-y-0.5 text-slate-700">
                  {changes.map((change) => (
                    <li key={change.field} className="break-words">
                      <span className="font-medium">{fieldLabel(change.field)}:</span> {change.before ?? '—'} <span aria-hidden="true">→</span><span className="sr-only">changed to</span> {change.after ?? '—'}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      {hasMore ? <p className="text-sm text-slate-600">Showing the {events.length} most recent events; the full log is on the Audit page.</p> : null}
    </div>
  );
}
