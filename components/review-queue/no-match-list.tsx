// Records with no candidate left to accept: they stay in the queue, each with create-new and dismiss.
import Link from 'next/link';
import { RecordDecision } from '@/components/review/record-decision';
import type { UndecidedRecord } from '@/lib/services/review-queue';
import { formatDateTime } from '@/lib/ui/format';

export function NoMatchList({ records, total }: { records: UndecidedRecord[]; total: number }) {
  return (
    <section aria-labelledby="no-match-heading" className="space-y-2 rounded-md border border-amber-300 bg-amber-50/50 p-3" data-testid="no-match-list">
      <h2 id="no-match-heading" className="font-semibold">
        No match: decide <span className="font-normal text-slate-700">({total} {total === 1 ? 'record' : 'records'})</span>
      </h2>
      <p className="text-sm text-slate-700">No existing customer is left to accept for these: create each as a new customer, or dismiss it if it is not a customer record.</p>
      <ul className="divide-y divide-amber-200">
        {records.map((record) => (
          <li key={record.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="no-match-row" data-incoming-id={record.id}>
            <div className="min-w-0">
              <Link className="font-medium text-blue-800 underline" href={`/review/incoming/${record.id}`}>
                {record.name}
              </Link>
              <span className="block text-xs text-slate-600">
                {record.place ? `${record.place} · ` : ''}received {formatDateTime(record.receivedAt)}
              </span>
            </div>
            <RecordDecision incomingId={record.id} version={record.version} name={record.name} compact />
          </li>
        ))}
      </ul>
      {total > records.length ? <p className="text-sm text-slate-700">Showing the oldest {records.length}.</p> : null}
    </section>
  );
}
