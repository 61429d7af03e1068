// How a candidate found through the linked_record channel was found: the source records, already linked to
// the customer, that the incoming record matched (the score itself compares with the customer's own record).
import Link from 'next/link';

export function LinkedVia({ incomingIds, customerName }: { incomingIds: readonly number[]; customerName: string }) {
  if (incomingIds.length === 0) return null;
  const plural = incomingIds.length > 1;
  return (
    <p className="text-sm text-slate-700" data-testid="linked-via">
      Found through {plural ? 'source records' : 'a source record'} already linked to {customerName}:{' '}
      {incomingIds.map((id, index) => (
        <span key={id}>
          {index > 0 ? ', ' : null}
          <Link className="text-blue-800 underline" href={`/review/incoming/${id}`}>incoming #{id}</Link>
        </span>
      ))}
      . The score compares with the customer&apos;s own record.
    </p>
  );
}
