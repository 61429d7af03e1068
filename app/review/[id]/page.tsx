// Match detail: incoming vs candidate side by side, the score's waterfall, and the steward's decision.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ComparisonTable } from '@/components/review/comparison-table';
import { DecisionPanel } from '@/components/review/decision-panel';
import { WeightWaterfall } from '@/components/review/weight-waterfall';
import { BandBadge } from '@/components/ui/band-badge';
import { ProbabilityBar } from '@/components/ui/probability';
import { ErrorState } from '@/components/ui/states';
import { AppError } from '@/lib/errors';
import { idParam } from '@/lib/schemas/common';
import { getMatchDetail, type MatchDetail } from '@/lib/services/match-detail';
import { exactHoldNote, readExplanation } from '@/lib/ui/explanation';
import { formatDateTime } from '@/lib/ui/format';
import { compareRecords, mergeChoices } from '@/lib/ui/record-comparison';
import { uiContext } from '@/lib/ui/session';

export const metadata: Metadata = { title: 'Match detail' };
export const dynamic = 'force-dynamic';

async function loadDetail(rawId: string): Promise<MatchDetail> {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getMatchDetail(await uiContext('read', `/review/${id.data}`), id.data);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

export default async function MatchDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { result, incoming, customer, siblings } = await loadDetail(id);
  const explanation = readExplanation(result.matchCriteria);
  const holdNote = explanation ? exactHoldNote(explanation) : null;
  const comparisons = compareRecords(incoming, customer);
  const customerName = customer.companyName ?? `Customer ${customer.id}`;
  const incomingName = incoming.companyName ?? `Incoming ${incoming.id}`;
  return (
    <article aria-labelledby="detail-heading" className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/review" className="text-blue-800 underline">Review queue</Link> <span aria-hidden="true">›</span> Match #{result.id}
      </nav>
      <header className="space-y-2">
        <h1 id="detail-heading" className="text-2xl font-semibold">
          {incomingName} <span className="font-normal text-slate-500">vs</span> {customerName}
        </h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <BandBadge band={result.confidenceBand} />
          <ProbabilityBar probability={result.matchProbability} />
          <span className="text-slate-600">rank {result.rank} of {siblings.length} for incoming #{incoming.id}</span>
          <span className="text-slate-600" data-testid="review-status">
            {result.reviewed ? `Decided: ${result.reviewDecision} by ${result.reviewer ?? 'unknown'} on ${formatDateTime(result.reviewedAt)}` : 'Not reviewed yet'}
          </span>
          <span className="text-slate-500">version {result.version}</span>
        </div>
        {holdNote ? (
          <p className="text-sm text-amber-900" data-testid="exact-hold-note">
            {holdNote}
          </p>
        ) : null}
      </header>
      <div className="grid gap-6 lg:grid-cols-5">
        <section aria-labelledby="compare-heading" className="space-y-2 lg:col-span-3">
          <h2 id="compare-heading" className="text-lg font-semibold">Field by field</h2>
          <ComparisonTable comparisons={comparisons} customerName={customerName} />
        </section>
        <section aria-labelledby="decide-heading" className="space-y-2 lg:col-span-2">
          <h2 id="decide-heading" className="text-lg font-semibold">Decision</h2>
          <div className="rounded-md border border-slate-200 bg-white p-4">
            <DecisionPanel resultId={result.id} version={result.version} mergeChoices={mergeChoices(comparisons)} />
          </div>
        </section>
      </div>
      <section aria-labelledby="why-heading" className="space-y-2">
        <h2 id="why-heading" className="text-lg font-semibold">Why this score</h2>
        {explanation ? (
          <WeightWaterfall explanation={explanation} />
        ) : (
          <ErrorState title="No explanation stored for this match">It was scored before explanations were kept; re-match incoming #{incoming.id} to get one.</ErrorState>
        )}
      </section>
      {siblings.length > 1 ? (
        <section aria-labelledby="others-heading" className="space-y-2">
          <h2 id="others-heading" className="text-lg font-semibold">Other candidates for this incoming record</h2>
          <ul className="space-y-1 text-sm">
            {siblings.filter((sibling) => sibling.result.id !== result.id).map((sibling) => (
              <li key={sibling.result.id} className="flex flex-wrap items-center gap-3">
                <BandBadge band={sibling.result.confidenceBand} />
                <ProbabilityBar probability={sibling.result.matchProbability} />
                <Link className="text-blue-800 underline" href={`/review/${sibling.result.id}`}>
                  {sibling.customer.companyName ?? `Customer ${sibling.customer.id}`}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
