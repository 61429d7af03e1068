// One candidate row of the queue grid, the first of a record's rows carrying the record itself: both
// sides' city, email and phone, with = where the candidate's value is the incoming one.
import Link from 'next/link';
import type { Ref } from 'react';
import { BandBadge } from '@/components/ui/band-badge';
import { CANDIDATE_DECISION_LABELS } from '@/lib/domain/resolution';
import { formatDate, formatDateTime, formatProbability } from '@/lib/ui/format';
import { sameValue, type QueueGroup } from '@/lib/ui/queue-groups';
import type { QueueItem, QueueSide } from '@/lib/ui/queue-item';

function place(side: QueueSide): string | null {
  return [side.city, side.country].filter(Boolean).join(', ') || null;
}

/** The incoming record, once per group: its cell spans the rows of its candidates. */
function IncomingCell({ group }: { group: QueueGroup }) {
  const { incoming } = group;
  const placeAndPhone = [place(incoming), incoming.phone].filter(Boolean).join(' · ');
  return (
    <th scope="rowgroup" rowSpan={group.items.length} className="hidden bg-white px-3 py-2 text-left align-top font-normal sm:table-cell" data-testid="queue-group" data-incoming-id={group.incomingId}>
      <Link className="font-medium break-words text-blue-800 underline underline-offset-2" href={`/review/incoming/${group.incomingId}`}>{incoming.name}</Link>
      {placeAndPhone ? <span className="block text-xs text-slate-700">{placeAndPhone}</span> : null}
      {incoming.email ? <span className="block truncate text-xs text-slate-700" title={incoming.email}>{incoming.email}</span> : null}
      {group.items.length > 1 ? <span className="block text-xs font-medium text-slate-700">{group.items.length} candidates</span> : null}
    </th>
  );
}

function Compared({ kind, item, className = '' }: { kind: 'city' | 'email' | 'phone'; item: QueueItem; className?: string }) {
  const value = kind === 'city' ? place(item.customer) : item.customer[kind];
  if (!value) return null;
  const same = sameValue(kind, item.incoming[kind], item.customer[kind]);
  return (
    <span className={`${className} ${same === true ? 'text-green-800' : same === false ? 'text-amber-900' : 'text-slate-600'}`}>
      {same === null ? null : (
        <>
          <span aria-hidden="true">{same ? '= ' : '≠ '}</span>
          <span className="sr-only">{same ? 'same as incoming: ' : 'differs from incoming: '}</span>
        </>
      )}
      {value}
    </span>
  );
}

export function Reasons({ item }: { item: QueueItem }) {
  return (
    <>
      <span className="block">{item.reasonFor ? <><span aria-hidden="true" className="text-green-800">+ </span>{item.reasonFor}</> : '—'}</span>
      {item.reasonAgainst ? <span className="block text-red-800"><span className="sr-only">Against: </span><span aria-hidden="true">− </span>{item.reasonAgainst}</span> : null}
    </>
  );
}

/** `group` on the first row of a record only: that row carries the record's cell. */
export function QueueRow({ item, group, selected, rowRef, onSelect }: { item: QueueItem; group?: QueueGroup; selected: boolean; rowRef?: Ref<HTMLTableRowElement>; onSelect: () => void }) {
  return (
    <tr
      ref={rowRef}
      tabIndex={selected ? 0 : -1}
      aria-selected={selected}
      data-testid="queue-row"
      data-selected={selected ? 'true' : undefined}
      data-band={item.band}
      data-result-id={item.resultId}
      data-incoming-id={item.incomingId}
      data-probability={item.probability}
      onClick={onSelect}
      // Tabbing into a row's link selects the row; the grid's own focusing of the selected row changes nothing.
      onFocus={selected ? undefined : onSelect}
      className={`scroll-mt-4 scroll-mb-24 align-top outline-none ${group ? 'border-t-2 border-slate-300' : 'border-t border-slate-100'} ${selected ? 'bg-blue-50 outline-2 -outline-offset-2 outline-blue-600' : ''}`}
    >
      {group ? <IncomingCell group={group} /> : null}
      <td className="px-2 py-2 sm:px-3">
        <BandBadge band={item.band} />
        <span className="mt-0.5 block font-mono text-xs tabular-nums">{formatProbability(item.probability)}</span>
        <span className="block text-xs whitespace-nowrap text-slate-600" title={`matched ${formatDateTime(item.createdAt)}`}>{formatDate(item.createdAt)}</span>
        {item.decision ? <span className="block text-xs text-slate-600">{CANDIDATE_DECISION_LABELS[item.decision]}</span> : null}
      </td>
      <td className="min-w-0 px-2 py-2 sm:px-3">
        {/* On a phone the record's column is hidden: its name heads its first candidate instead. */}
        {group ? (
          <span className="mb-1 block text-xs text-slate-700 sm:hidden">
            Incoming <Link className="font-medium text-blue-800 underline" href={`/review/incoming/${item.incomingId}`}>{item.incomingName}</Link>
            {group.items.length > 1 ? ` · ${group.items.length} candidates` : ''}
          </span>
        ) : null}
        <Link className="font-medium break-words text-blue-800 underline underline-offset-2" href={`/review/${item.resultId}`}>
          {item.customerName}
        </Link>
        <span className="block text-xs">
          <Compared kind="city" item={item} className="mr-2" />
          <Compared kind="phone" item={item} />
        </span>
        <span className="block truncate text-xs">
          <Compared kind="email" item={item} />
        </span>
        {/* On a phone the reasons go under the candidate, so the candidate column stays. */}
        <span className="mt-1 block text-xs sm:hidden">
          <Reasons item={item} />
        </span>
      </td>
      <td className="hidden px-3 py-2 text-sm sm:table-cell">
        <Reasons item={item} />
      </td>
    </tr>
  );
}
