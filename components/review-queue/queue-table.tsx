'use client';
// The review queue table (TanStack Table, sorted and paged on the server via the URL) with keyboard review.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState, useTransition } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { quickDecisionAction } from '@/app/review/actions';
import { BandBadge } from '@/components/ui/band-badge';
import { ProbabilityBar } from '@/components/ui/probability';
import { ariaSort, SortHeaderLink } from '@/components/ui/sort-header';
import { CANDIDATE_DECISION_LABELS } from '@/lib/domain/resolution';
import { formatDateTime } from '@/lib/ui/format';
import type { QueueItem } from '@/lib/ui/queue-item';
import { useQueueKeys, type QueueKeyCommand } from './use-queue-keys';

export interface SortLink {
  href: string;
  /** Current direction when this column is the sort, else null. */
  direction: 'asc' | 'desc' | null;
}

const column = createColumnHelper<QueueItem>();

export function QueueTable({ items, sortLinks }: { items: QueueItem[]; sortLinks: Record<'band' | 'probability' | 'created', SortLink> }) {
  const router = useRouter();
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const columns = useMemo(
    () => [
      column.accessor('band', { id: 'band', header: 'Band', cell: (info) => <BandBadge band={info.getValue()} /> }),
      column.accessor('probability', { id: 'probability', header: 'Probability', cell: (info) => <ProbabilityBar probability={info.getValue()} /> }),
      column.accessor('incomingName', {
        header: 'Incoming',
        cell: (info) => (
          <Link className="font-medium text-blue-800 underline underline-offset-2" href={`/review/${info.row.original.resultId}`}>
            {info.getValue()}
          </Link>
        ),
      }),
      column.accessor('customerName', { header: 'Candidate customer' }),
      column.accessor('reasonFor', {
        header: 'Why',
        cell: (info) => (
          <>
            <span className="block">{info.getValue() ?? '—'}</span>
            {info.row.original.reasonAgainst ? <span className="block text-xs text-red-800">Against: {info.row.original.reasonAgainst}</span> : null}
          </>
        ),
      }),
      column.accessor('createdAt', { id: 'created', header: 'Matched', cell: (info) => <span className="whitespace-nowrap">{formatDateTime(info.getValue())}</span> }),
      column.accessor('decision', { header: 'Status', cell: (info) => { const decision = info.getValue(); return decision ? CANDIDATE_DECISION_LABELS[decision] : 'Open'; } }),
    ],
    [],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is not compiler-safe; this leaf is simply not memoised.
  const table = useReactTable({ data: items, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true, getRowId: (row) => String(row.resultId) });

  const current = items[Math.min(selected, items.length - 1)];
  const onCommand = useCallback(
    (command: QueueKeyCommand) => {
      if (!current) return;
      if (command === 'next') setSelected((index) => Math.min(index + 1, items.length - 1));
      else if (command === 'previous') setSelected((index) => Math.max(index - 1, 0));
      else if (command === 'open') router.push(`/review/${current.resultId}`);
      else if (!pending)
        startTransition(async () => {
          const result = await quickDecisionAction({ resultId: current.resultId, version: current.version, decision: command });
          setStatus(result.ok ? { ok: true, message: result.data } : { ok: false, message: `Match #${current.resultId}: ${result.message}` });
          if (result.ok) router.refresh();
        });
    },
    [current, items.length, pending, router],
  );
  useQueueKeys(onCommand, items.length > 0);

  return (
    <div className="space-y-2">
      {/* Screen-reader only until there is something to show, so no empty line sits between the count and the table. */}
      <p role="status" aria-live="polite" className={pending || status ? 'text-sm' : 'sr-only'} data-testid="queue-status">
        {pending ? 'Saving the decision…' : status ? <span className={status.ok ? 'text-green-800' : 'text-red-800'}>{status.message}</span> : current ? <span className="sr-only">Selected: {current.incomingName} vs {current.customerName}</span> : null}
      </p>
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm" data-testid="queue-table" aria-describedby="queue-keys">
          <caption className="sr-only">Matches to review; sortable by band, probability and date</caption>
          <thead className="bg-slate-100 text-slate-700">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sort = sortLinks[header.column.id as keyof typeof sortLinks];
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} scope="col" className="px-3 py-2 font-medium whitespace-nowrap" aria-sort={ariaSort(sort?.direction)}>
                      {sort ? (
                        <SortHeaderLink href={sort.href} direction={sort.direction}>
                          {label}
                        </SortHeaderLink>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row, index) => (
              <tr
                key={row.id}
                data-testid="queue-row"
                data-selected={index === selected ? 'true' : undefined}
                data-band={row.original.band}
                data-result-id={row.original.resultId}
                onClick={() => setSelected(index)}
                className={`border-t border-slate-100 ${index === selected ? 'bg-blue-50 outline-2 -outline-offset-2 outline-blue-600' : ''}`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-middle">
                    {index === selected && cell.column.id === 'band' ? <span className="sr-only">Selected row: </span> : null}
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
