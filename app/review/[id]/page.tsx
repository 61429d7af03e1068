// Match detail: incoming vs candidate as the engine compared them, the score's waterfall, and the
// decision — open candidates can be decided; decided ones are read-only with "Change decision".
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CandidateStrip } from '@/components/review/candidate-strip';
import { ChangeDecision } from '@/components/review/change-decision';
import { ComparisonTable } from '@/components/review/comparison-table';
import { DecisionPanel } from '@/components/review/decision-panel';
import { LinkedVia } from '@/components/review/linked-via';
import { CandidateStatus, ResolutionText } from '@/components/review/decision-status';
import { MatchKeysLegend, NextMatch } from '@/components/review/next-match';
import { StateBadge } from '@/components/review/state-badge';
import { WeightWaterfall } from '@/components/review/weight-waterfall';
import { BandBadge, bandMeaning } from '@/components/ui/band-badge';
import { ProbabilityBar } from '@/components/ui/probability';
import { ErrorState, Notice } from '@/components/ui/states';
import { blockChoices, mergeRecordOf } from '@/lib/domain/merge';
import { CANDIDATE_DECISION_LABELS, isOpen, isResolved } from '@/lib/domain/resolution';
import { readResolution } from '@/lib/domain/resolution-record';
import { AppError } from '@/lib/errors';
import { idParam } from '@/lib/schemas/common';
import { getMatchDetail, type MatchDetail } from '@/lib/services/match-detail';
import { nextOpenMatch } from '@/lib/services/review-queue';
import { exactHoldNote, readExplanation } from '@/lib/ui/explanation';
import { compareRecords } from '@/lib/ui/record-comparison';
import { uiContext } from '@/lib/ui/session';

/** The match's number in the tab, so a steward with several open tells them apart (no database read). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: idParam.safeParse(id).success ? `Match #${id}` : 'Match detail' };
}
export const dynamic = 'force-dynamic';

async function loadDetail(rawId: string): Promise<MatchDetail & { nextId: number | null }> {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  try {
    const ctx = await uiContext('read', `/review/${id.data}`);
    const detail = await getMatchDetail(ctx, id.data);
    return { ...detail, nextId: await nextOpenMatch(ctx, detail.result) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

function DecidedPanel({ detail }: { detail: MatchDetail }) {
  const { result, incoming, resolvedCustomer, undo } = detail;
  const resolution = readResolution(incoming.resolution);
  const customer = resolvedCustomer ? { id: resolvedCustomer.id, name: resolvedCustomer.companyName ?? resolvedCustomer.contactName ?? `Customer ${resolvedCustomer.id}` } : null;
  const rejectedWhileOpen = result.reviewDecision === 'reject' && isOpen(incoming.processingStatus);
  return (
    <div className="space-y-3" data-testid="decided-panel">
      {result.reviewDecision ? (
        <CandidateStatus decision={result.reviewDecision} reviewer={result.reviewer} reviewedAt={result.reviewedAt} state={incoming.processingStatus} />
      ) : null}
      {resolution ? <ResolutionText resolution={resolution} customer={customer} /> : null}
      {isResolved(incoming.processingStatus) && undo ? (
        <ChangeDecision target={{ kind: 'match', resultId: result.id }} version={result.version} label="Change decision" effects={undo.effects} blockers={undo.blockers} />
      ) : rejectedWhileOpen ? (
        <ChangeDecision target={{ kind: 'match', resultId: result.id }} version={result.version} label="Undo rejection" effects={['This candidate goes back to the review queue.']} blockers={[]} />
      ) : null}
      <p className="text-sm">
        <Link className="text-blue-800 underline" href={`/review/incoming/${incoming.id}`}>Open incoming record #{incoming.id}</Link>
        {isOpen(incoming.processingStatus) ? ' to decide on its other candidates, create it as a new customer or dismiss it.' : null}
      </p>
    </div>
  );
}

export default async function MatchDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const detail = await loadDetail(id);
  const { result, incoming, customer, siblings, nextId } = detail;
  const nextHref = nextId === null ? null : `/review/${nextId}`;
  const explanation = readExplanation(result.matchCriteria);
  const holdNote = explanation ? exactHoldNote(explanation) : null;
  const customerName = customer.companyName ?? customer.contactName ?? `Customer ${customer.id}`;
  const incomingName = incoming.companyName ?? incoming.contactName ?? `Incoming ${incoming.id}`;
  const decidable = result.reviewDecision === null && isOpen(incoming.processingStatus);
  return (
    <article aria-labelledby="detail-heading" className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/review" className="text-blue-800 underline">Review queue</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={`/review/incoming/${incoming.id}`} className="text-blue-800 underline">Incoming #{incoming.id}</Link> <span aria-hidden="true">›</span> Match #{result.id}
      </nav>
      <header className="space-y-2">
        <h1 id="detail-heading" className="text-2xl font-semibold break-words">
          {incomingName} <span className="font-normal text-slate-500">vs</span> {customerName}
        </h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <BandBadge band={result.confidenceBand} />
          <ProbabilityBar probability={result.matchProbability} />
          <span className="text-slate-600">rank {result.rank} of {siblings.length} for incoming #{incoming.id}</span>
          <StateBadge state={incoming.processingStatus} />
          <span className="text-slate-600" data-testid="review-status">
            {result.reviewDecision ? CANDIDATE_DECISION_LABELS[result.reviewDecision] : 'Not decided yet'}
          </span>
        </div>
        <p className="text-sm text-slate-700" data-testid="band-meaning">{bandMeaning(result.confidenceBand)}</p>
        <LinkedVia incomingIds={explanation?.linked_record_ids ?? []} customerName={customerName} />
        {holdNote ? (
          <p className="text-sm text-amber-900" data-testid="exact-hold-note">
            {holdNote}
          </p>
        ) : null}
      </header>
      {siblings.length > 1 ? <CandidateStrip siblings={siblings} currentId={result.id} /> : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <section aria-labelledby="compare-heading" className="min-w-0 space-y-2 lg:col-span-3">
          <h2 id="compare-heading" className="text-lg font-semibold">Field by field</h2>
          <ComparisonTable comparisons={compareRecords(incoming, customer, explanation)} customerName={customerName} />
        </section>
        <section aria-labelledby="decide-heading" className="min-w-0 space-y-2 lg:col-span-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="decide-heading" className="text-lg font-semibold">Decision</h2>
            <NextMatch href={nextHref} />
          </div>
          <MatchKeysLegend decidable={decidable} />
          <div className="rounded-md border border-slate-200 bg-white p-4">
            {decidable && detail.linkRefusal ? (
              <div className="mb-4">
                <Notice tone="warning">
                  <p className="font-semibold">Accept and merge are not possible: these cannot be one customer.</p>
                  <p data-testid="link-refusal">{detail.linkRefusal}</p>
                </Notice>
              </div>
            ) : null}
            {decidable ? (
              <DecisionPanel
                resultId={result.id}
                incomingId={incoming.id}
                version={result.version}
                customer={mergeRecordOf(customer)}
                incoming={mergeRecordOf(incoming)}
                mergeChoices={blockChoices(customer, incoming)}
                nextHref={nextHref}
              />
            ) : (
              <DecidedPanel detail={detail} />
            )}
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
    </article>
  );
}
