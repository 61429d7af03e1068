// One incoming record: its state, how it was resolved (with "Change decision"), every candidate with its
// decision, and — while it is open — create as new customer or dismiss, also when no candidate is left.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChangeDecision } from '@/components/review/change-decision';
import { ResolutionText } from '@/components/review/decision-status';
import { RecordDecision } from '@/components/review/record-decision';
import { StateBadge } from '@/components/review/state-badge';
import { BandBadge, BandLegend } from '@/components/ui/band-badge';
import { ProbabilityBar } from '@/components/ui/probability';
import { EmptyState } from '@/components/ui/states';
import { CANDIDATE_DECISION_LABELS, isOpen, isResolved } from '@/lib/domain/resolution';
import { readResolution } from '@/lib/domain/resolution-record';
import { AppError } from '@/lib/errors';
import { idParam } from '@/lib/schemas/common';
import { getIncomingDetail, type IncomingDetail } from '@/lib/services/match-detail';
import { formatDateTime } from '@/lib/ui/format';
import { compareRecords } from '@/lib/ui/record-comparison';
import { uiContext } from '@/lib/ui/session';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: idParam.safeParse(id).success ? `Incoming record #${id}` : 'Incoming record' };
}
export const dynamic = 'force-dynamic';

async function loadDetail(rawId: string): Promise<IncomingDetail> {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getIncomingDetail(await uiContext('read', `/review/incoming/${id.data}`), id.data);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

function Candidates({ detail }: { detail: IncomingDetail }) {
  if (detail.siblings.length === 0) {
    return <p className="text-sm text-slate-600">No existing customer scored high enough to be proposed.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm" data-testid="candidates-table">
        <caption className="sr-only">Candidates for this incoming record, best first, with their decision</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Candidate</th>
            <th scope="col" className="px-3 py-2 font-medium">Band</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Probability</th>
            <th scope="col" className="px-3 py-2 font-medium">Decision</th>
          </tr>
        </thead>
        <tbody>
          {detail.siblings.map(({ result, customer }) => (
            <tr key={result.id} className="border-t border-slate-100" data-decision={result.reviewDecision ?? 'open'}>
              <th scope="row" className="px-3 py-2 font-normal">
                <Link className="text-blue-800 underline" href={`/review/${result.id}`}>
                  {customer.companyName ?? customer.contactName ?? `Customer ${customer.id}`}
                </Link>
                <span className="block text-xs text-slate-600">{[customer.city, customer.country].filter(Boolean).join(', ')}</span>
              </th>
              <td className="px-3 py-2"><BandBadge band={result.confidenceBand} /></td>
              <td className="hidden px-3 py-2 sm:table-cell"><ProbabilityBar probability={result.matchProbability} /></td>
              <td className="px-3 py-2">{result.reviewDecision ? CANDIDATE_DECISION_LABELS[result.reviewDecision] : 'Open: decide on the match page'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function IncomingRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const detail = await loadDetail(id);
  const { incoming, resolvedCustomer, undo } = detail;
  const name = incoming.companyName ?? incoming.contactName ?? `Incoming ${incoming.id}`;
  const resolution = readResolution(incoming.resolution);
  const customer = resolvedCustomer ? { id: resolvedCustomer.id, name: resolvedCustomer.companyName ?? resolvedCustomer.contactName ?? `Customer ${resolvedCustomer.id}` } : null;
  const fields = compareRecords(incoming, {}, null);
  return (
    <article aria-labelledby="record-heading" className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/review" className="text-blue-800 underline">Review queue</Link> <span aria-hidden="true">›</span> Incoming #{incoming.id}
      </nav>
      <header className="space-y-2">
        <h1 id="record-heading" className="text-2xl font-semibold break-words">{name}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <StateBadge state={incoming.processingStatus} />
          <span>received {formatDateTime(incoming.receivedAt)} from {incoming.sourceSystem}</span>
        </div>
      </header>
      <section aria-labelledby="decision-heading" className="space-y-2">
        <h2 id="decision-heading" className="text-lg font-semibold">Decision</h2>
        <div className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
          {resolution ? <ResolutionText resolution={resolution} customer={customer} /> : null}
          {isResolved(incoming.processingStatus) && undo ? (
            <ChangeDecision target={{ kind: 'record', incomingId: incoming.id }} version={incoming.version} label="Change decision" effects={undo.effects} blockers={undo.blockers} />
          ) : null}
          {incoming.processingStatus === 'no_match' ? (
            <p className="text-sm" data-testid="no-match-advice">No candidate is left to accept: create it as a new customer, or dismiss it if it is not a customer record.</p>
          ) : null}
          {incoming.processingStatus === 'matched' ? <p className="text-sm">Accept, reject or merge a candidate on its match page, or decide on the record as a whole here.</p> : null}
          {isOpen(incoming.processingStatus) || incoming.processingStatus === 'error' ? <RecordDecision incomingId={incoming.id} version={incoming.version} name={name} /> : null}
          {incoming.processingStatus === 'pending' || incoming.processingStatus === 'matching' ? <p className="text-sm">This record is waiting to be matched; decisions open once it has been.</p> : null}
        </div>
      </section>
      <section aria-labelledby="candidates-heading" className="space-y-2">
        <h2 id="candidates-heading" className="text-lg font-semibold">Candidates</h2>
        <Candidates detail={detail} />
        {detail.siblings.length > 0 ? <BandLegend /> : null}
      </section>
      <section aria-labelledby="fields-heading" className="space-y-2">
        <h2 id="fields-heading" className="text-lg font-semibold">The record</h2>
        {fields.length === 0 ? (
          <EmptyState title="No fields" />
        ) : (
          <dl className="grid gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
            {fields.map((field) => (
              <div key={field.key} className="min-w-0">
                <dt className="text-slate-600">{field.label}</dt>
                <dd className="break-words">{field.incoming}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </article>
  );
}
