// A decided record or candidate, read-only: what was decided, by whom, when — and nothing to click but
// "Change decision" (rendered by the page).
import Link from 'next/link';
import { CANDIDATE_DECISION_LABELS, type CandidateDecision } from '@/lib/domain/resolution';
import type { Resolution } from '@/lib/domain/resolution-record';
import { formatDateTime } from '@/lib/ui/format';
import type { IncomingState } from '@/lib/domain/resolution';
import { StateBadge } from './state-badge';

const RESOLVED_TEXT: Record<Resolution['decision'], string> = {
  accept: 'Linked to',
  merge: 'Merged into and linked to',
  create_new: 'Created as new customer',
  dismiss: 'Dismissed: not a customer record',
};

export function ResolutionText({ resolution, customer }: { resolution: Resolution; customer: { id: number; name: string } | null }) {
  return (
    <p className="text-sm" data-testid="resolution">
      {RESOLVED_TEXT[resolution.decision]}{' '}
      {resolution.decision === 'dismiss' ? null : customer ? (
        <Link className="font-medium text-blue-800 underline" href={`/directory/${customer.id}`}>
          {customer.name} (#{customer.id})
        </Link>
      ) : (
        <span>a customer that no longer exists</span>
      )}{' '}
      by {resolution.by} on {formatDateTime(resolution.at)}.
      {resolution.merged && Object.keys(resolution.merged).length > 0 ? ` Fields written: ${Object.keys(resolution.merged).join(', ')}.` : null}
      {resolution.notes ? <span className="mt-1 block text-slate-700">Notes: {resolution.notes}</span> : null}
    </p>
  );
}

export function CandidateStatus({ decision, reviewer, reviewedAt, state }: { decision: CandidateDecision; reviewer: string | null; reviewedAt: Date | null; state: IncomingState }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="candidate-status">
      <span className="font-medium">This candidate: {CANDIDATE_DECISION_LABELS[decision]}</span>
      <span className="text-slate-600">
        by {reviewer ?? 'unknown'} on {formatDateTime(reviewedAt)}
      </span>
      <span className="text-slate-600">· record:</span>
      <StateBadge state={state} />
    </div>
  );
}
