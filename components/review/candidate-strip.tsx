// Every candidate of the incoming record side by side, at the top of the match page: the steward sees the
// competition before deciding on one (accepting one closes the others).
import Link from 'next/link';
import { BandBadge } from '@/components/ui/band-badge';
import { ProbabilityBar } from '@/components/ui/probability';
import { CANDIDATE_DECISION_LABELS } from '@/lib/domain/resolution';
import type { MatchDetail } from '@/lib/services/match-detail';

type Sibling = MatchDetail['siblings'][number];

function CandidateCard({ sibling, current }: { sibling: Sibling; current: boolean }) {
  const { result, customer } = sibling;
  const name = customer.companyName ?? customer.contactName ?? `Customer ${customer.id}`;
  const place = [customer.city, customer.country].filter(Boolean).join(', ');
  return (
    <li
      className={`min-w-0 space-y-1 rounded-md border bg-white p-3 text-sm ${current ? 'border-blue-600 ring-1 ring-blue-600' : 'border-slate-200'}`}
      aria-current={current ? 'true' : undefined}
      data-testid="candidate-card"
      data-result-id={result.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        <BandBadge band={result.confidenceBand} />
        <ProbabilityBar probability={result.matchProbability} />
      </div>
      <p className="font-medium break-words">
        {current ? (
          <>
            {name} <span className="font-normal text-slate-600">(this match)</span>
          </>
        ) : (
          <Link className="text-blue-800 underline" href={`/review/${result.id}`}>{name}</Link>
        )}
      </p>
      <p className="text-xs break-words text-slate-700">{[place, customer.email, customer.phone].filter(Boolean).join(' · ') || 'No place or contact on record'}</p>
      <p className="text-xs text-slate-600">{result.reviewDecision ? CANDIDATE_DECISION_LABELS[result.reviewDecision] : 'Open'}</p>
    </li>
  );
}

export function CandidateStrip({ siblings, currentId }: { siblings: Sibling[]; currentId: number }) {
  return (
    <section aria-labelledby="candidates-heading" className="space-y-2">
      <h2 id="candidates-heading" className="text-lg font-semibold">
        {siblings.length} candidates for this incoming record
      </h2>
      <p className="text-sm text-slate-600">Accepting one closes the others; rejecting one leaves the others open.</p>
      <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {siblings.map((sibling) => (
          <CandidateCard key={sibling.result.id} sibling={sibling} current={sibling.result.id === currentId} />
        ))}
      </ol>
    </section>
  );
}
