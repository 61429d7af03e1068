// The incoming records matched to one customer: how confident each match was and what the steward decided.
import Link from 'next/link';
import { BandBadge } from '@/components/ui/band-badge';
import { ProbabilityBar } from '@/components/ui/probability';
import { FramedTable } from '@/components/ui/framed-table';
import { EmptyState } from '@/components/ui/states';
import type { MatchWithIncoming } from '@/lib/services/directory';
import { formatDateTime } from '@/lib/ui/format';

const DECISION_LABELS: Record<string, string> = { accept: 'Accepted', reject: 'Rejected', merge: 'Merged', create_new: 'Created as new' };

export function MatchHistory({ matches, hasMore }: { matches: MatchWithIncoming[]; hasMore: boolean }) {
  if (matches.length === 0) {
    return <EmptyState title="No incoming record has matched this customer yet">Matches appear here once an incoming record is matched and this customer is among its candidates.</EmptyState>;
  }
  return (
    <div className="space-y-2">
      <FramedTable caption="Match history, newest first" columns={[{ label: 'Incoming record' }, { label: 'Matched', hiddenBelow: 'sm' }, { label: 'Band' }, { label: 'Probability' }, { label: 'Decision' }, { label: 'Actions', srOnly: true }]}>
        {matches.map(({ result, incoming }) => (
          <tr key={result.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <div className="font-medium">{incoming.companyName ?? `Incoming ${incoming.id}`}</div>
              <div className="text-xs text-slate-600">
                #{incoming.id} · {incoming.sourceSystem}
                {incoming.contactName ? ` · ${incoming.contactName}` : ''}
              </div>
            </td>
            <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{formatDateTime(result.createdAt)}</td>
            <td className="px-3 py-2"><BandBadge band={result.confidenceBand} /></td>
            <td className="px-3 py-2"><ProbabilityBar probability={result.matchProbability} /></td>
            <td className="px-3 py-2">
              {result.reviewed && result.reviewDecision ? (
                <span>
                  {DECISION_LABELS[result.reviewDecision] ?? result.reviewDecision}
                  <span className="block text-xs text-slate-600">
                    {result.reviewer ?? 'unknown'} · {formatDateTime(result.reviewedAt)}
                  </span>
                </span>
              ) : (
                <span className="text-slate-600">Not reviewed</span>
              )}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              <Link href={`/review/${result.id}`} className="text-blue-800 underline">
                {result.reviewed ? 'View' : 'Review'}<span className="sr-only"> match #{result.id}</span>
              </Link>
            </td>
          </tr>
        ))}
      </FramedTable>
      {hasMore ? <p className="text-sm text-slate-600">Showing the {matches.length} most recent matches.</p> : null}
    </div>
  );
}
