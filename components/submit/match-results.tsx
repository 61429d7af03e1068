// The ranked matches for a just-submitted record: band, probability, customer and the top reasons.
import Link from 'next/link';
import { BandBadge, BandLegend } from '@/components/ui/band-badge';
import { ProbabilityBar } from '@/components/ui/probability';
import { EmptyState, Notice } from '@/components/ui/states';
import { reasonText } from '@/lib/ui/explanation';
import type { MatchSummary } from '@/lib/ui/match-summary';

const REASON_STYLE = { for: 'border-green-300 bg-green-50 text-green-900', against: 'border-red-300 bg-red-50 text-red-900' };

function Reasons({ reasons, side }: { reasons: MatchSummary['reasons']; side: 'for' | 'against' }) {
  const label = side === 'for' ? 'Evidence for' : 'Evidence against';
  return (
    <div className="flex flex-wrap items-baseline gap-1.5">
      <span className="text-xs font-medium text-slate-700">{label}:</span>
      <ul className="flex flex-wrap gap-1.5" aria-label={label}>
        {reasons.map((reason) => (
          <li key={reason.field} className={`rounded border px-1.5 py-0.5 text-xs ${REASON_STYLE[side]}`}>
            <span aria-hidden="true">{side === 'for' ? '+ ' : '− '}</span>
            {reasonText(reason)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The strongest evidence for, then apart from it the strongest against (never the other way round). */
export function ReasonList({ reasons, against }: Pick<MatchSummary, 'reasons' | 'against'>) {
  if (reasons.length === 0 && against.length === 0) return <span className="text-slate-500">No field evidence stored</span>;
  return (
    <div className="space-y-1">
      {reasons.length > 0 ? <Reasons reasons={reasons} side="for" /> : null}
      {against.length > 0 ? <Reasons reasons={against} side="against" /> : null}
    </div>
  );
}

export interface MatchResultsProps {
  incomingId: number;
  companyName: string;
  matches: MatchSummary[];
  /** Null when the stored matches of a record received before are shown (nothing was scored now). */
  candidateCount: number | null;
  resubmittedNote: string | null;
}

export function MatchResults({ incomingId, companyName, matches, candidateCount, resubmittedNote }: MatchResultsProps) {
  return (
    <section aria-labelledby="results-heading" className="space-y-3" data-testid="match-results">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-heading" className="text-xl font-semibold" tabIndex={-1}>
          Matches for “{companyName}”
        </h2>
        <p className="text-sm text-slate-600">
          <Link className="text-blue-800 underline" href={`/review/incoming/${incomingId}`}>Incoming record #{incomingId}</Link>
          {candidateCount === null ? null : ` · ${candidateCount} ${candidateCount === 1 ? 'candidate' : 'candidates'} scored`}
        </p>
      </div>
      {matches.length > 0 ? <BandLegend /> : null}
      {resubmittedNote ? (
        <Notice tone="info">
          <span data-testid="resubmitted-note">{resubmittedNote}</span>
        </Notice>
      ) : null}
      {matches.length === 0 ? (
        <EmptyState title="No likely matches">
          No existing customer scored above the storage floor. The record is kept as incoming #{incomingId} and waits in the review queue under
          “No match: decide”:{' '}
          <Link className="text-blue-800 underline" href={`/review/incoming/${incomingId}`}>
            create it as a new customer or dismiss it
          </Link>
          .
        </EmptyState>
      ) : (
        <ol className="space-y-2">
          {matches.map((match) => (
            <li key={match.resultId} className="rounded-md border border-slate-200 bg-white p-3" data-testid="match-row" data-band={match.band}>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <span className="text-sm text-slate-500">#{match.rank}</span>
                <BandBadge band={match.band} />
                <ProbabilityBar probability={match.probability} />
                <Link href={`/review/${match.resultId}`} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
                  {match.customerName}
                  <span className="sr-only"> — open match details</span>
                </Link>
                <span className="text-sm text-slate-600">{[match.customerCity, match.customerCountry].filter(Boolean).join(', ')}</span>
              </div>
              <div className="mt-2">
                <ReasonList reasons={match.reasons} against={match.against} />
                {match.holdNote ? <p className="mt-1 text-xs text-amber-900">{match.holdNote}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
