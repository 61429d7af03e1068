// The source records resolved onto one customer: where each came from, who linked it and when, and the decision.
import Link from 'next/link';
import { FramedTable } from '@/components/ui/framed-table';
import { EmptyState } from '@/components/ui/states';
import { LINK_DECISION_LABELS, type LinkedRecord } from '@/lib/domain/linked-record';
import { formatDateTime } from '@/lib/ui/format';

export function LinkedRecords({ records, total }: { records: LinkedRecord[]; total: number }) {
  if (records.length === 0) {
    return (
      <EmptyState title="No source record is linked to this customer yet">
        A record appears here once a steward accepts or merges it into this customer.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-2">
      <FramedTable caption="Source records linked to this customer, most recently decided first" columns={[{ label: 'Source' }, { label: 'Record', hiddenBelow: 'sm' }, { label: 'Decision' }, { label: 'Actions', srOnly: true }]} testId="linked-records">
        {records.map((record) => (
          <tr key={record.incomingId} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              <div className="font-medium break-all">{record.sourceSystem}</div>
              <div className="font-mono text-xs break-all text-slate-600">{record.sourceId ?? 'no source id'}</div>
              <div className="text-xs text-slate-600 sm:hidden">{record.companyName ?? record.contactName ?? `Incoming #${record.incomingId}`}</div>
            </td>
            <td className="hidden px-3 py-2 sm:table-cell">
              <div>{record.companyName ?? record.contactName ?? `Incoming #${record.incomingId}`}</div>
              <div className="text-xs text-slate-600">
                #{record.incomingId}
                {record.companyName && record.contactName ? ` · ${record.contactName}` : ''}
                {record.city || record.country ? ` · ${[record.city, record.country].filter(Boolean).join(', ')}` : ''}
              </div>
            </td>
            <td className="px-3 py-2">
              <span>{LINK_DECISION_LABELS[record.decision]}</span>
              <span className="block text-xs text-slate-600">
                {record.decidedBy ?? 'not recorded'} · {formatDateTime(record.decidedAt)}
              </span>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              <Link href={record.reviewPath} className="text-blue-800 underline">
                Decision<span className="sr-only"> on incoming #{record.incomingId}</span>
              </Link>
            </td>
          </tr>
        ))}
      </FramedTable>
      {total > records.length ? <p className="text-sm text-slate-600">Showing the {records.length} most recently linked of {total} records.</p> : null}
    </div>
  );
}
