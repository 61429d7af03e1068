// The review queue: match results to decide, filtered, sorted and paged on the server; state in the URL.
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { DownloadMenu } from '@/components/download-menu';
import { BulkAccept } from '@/components/review-queue/bulk-accept';
import { QueueFilters } from '@/components/review-queue/queue-filters';
import { QueueTable, type SortLink } from '@/components/review-queue/queue-table';
import { ShortcutLegend } from '@/components/review-queue/shortcut-legend';
import { BandLegend } from '@/components/ui/band-badge';
import { LoadingPanel } from '@/components/ui/spinner';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { AppError } from '@/lib/errors';
import { reviewQueueQuerySchema, type QueueSort, type ReviewQueueQuery } from '@/lib/schemas/review-queue';
import { listNoMatchRecords, listReviewQueue } from '@/lib/services/review-queue';
import { NoMatchList } from '@/components/review-queue/no-match-list';
import { queueExportHref } from '@/lib/ui/export-links';
import { toQueueItem } from '@/lib/ui/queue-item';
import { queueHref, type QueueParams } from '@/lib/ui/queue-url';
import { uiContext } from '@/lib/ui/session';

export const metadata: Metadata = { title: 'Review queue' };
export const dynamic = 'force-dynamic';

const NO_MATCH_SHOWN = 20;

/** Column sorts; uncertainty has no column and gets its own link. */
type ColumnSort = Exclude<QueueSort, 'uncertainty'>;

function sortLinks(params: QueueParams, query: ReviewQueueQuery): Record<ColumnSort, SortLink> {
  const link = (sort: ColumnSort): SortLink => {
    const active = query.sort === sort;
    return { direction: active ? query.dir : null, href: queueHref(params, { sort, dir: active && query.dir === 'desc' ? 'asc' : 'desc', page: 1 }) };
  };
  return { band: link('band'), probability: link('probability'), created: link('created') };
}

// The loading state lives here, not in a loading.tsx: one beside this page would also wrap the match and
// record pages below it, whose unknown ids must answer 404 before anything streams.
export default function ReviewQueueRoute(props: { searchParams: Promise<QueueParams> }) {
  return (
    <Suspense fallback={<LoadingPanel label="Loading the review queue…" />}>
      <ReviewQueuePage {...props} />
    </Suspense>
  );
}

async function ReviewQueuePage({ searchParams }: { searchParams: Promise<QueueParams> }) {
  const params = await searchParams;
  const ctx = await uiContext('read', '/review');
  const parsed = reviewQueueQuerySchema.safeParse(params);
  const heading = (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">Review queue</h1>
        <p className="text-sm text-slate-600">Decide which incoming records are existing customers. Select a row and use the keys, or open it for the full explanation.</p>
        <BandLegend className="mt-1" />
      </div>
      <ShortcutLegend />
    </div>
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return (
      <section className="space-y-4">
        {heading}
        <ErrorState title="These filters are not valid" action={<Link className="underline" href="/review">Reset the filters</Link>}>
          {String(issue?.path[0] ?? 'filter')} {issue?.message}
        </ErrorState>
      </section>
    );
  }
  const query = parsed.data;
  let page;
  // The search box filters these too (by name), so a record is found however long the list is.
  const undecided = query.reviewed === 'no' ? await listNoMatchRecords(ctx, NO_MATCH_SHOWN, query.q) : null;
  try {
    page = await listReviewQueue(ctx, query);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    return (
      <section className="space-y-4">
        {heading}
        <QueueFilters query={query} />
        <ErrorState title="This page of the queue cannot be shown">{error.message}</ErrorState>
      </section>
    );
  }
  // A record's candidates on other pages come along, so they are decided side by side.
  const items = [...page.rows, ...page.siblingRows].map(toQueueItem);
  const exact = items.filter((item) => item.band === 'exact' && !item.reviewed).map((item) => ({ id: item.resultId, version: item.version, name: `${item.incomingName} → ${item.customerName}` }));
  return (
    <section className="space-y-4" aria-labelledby="queue-heading">
      <div id="queue-heading">{heading}</div>
      <QueueFilters query={query} />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p className="text-sm text-slate-700" data-testid="queue-count">
          {page.totalCapped ? `More than ${page.total}` : page.total} {query.reviewed === 'no' ? 'open ' : ''}{page.total === 1 ? 'match' : 'matches'} · page {page.page} of {page.pageCount} ·{' '}
          {/* The pairs whose decision teaches the model most: probability nearest even odds. */}
          {query.sort === 'uncertainty' && query.dir === 'desc' ? (
            <span data-testid="queue-uncertain-first">most uncertain first</span>
          ) : (
            <Link className="text-blue-800 underline" href={queueHref(params, { sort: 'uncertainty', dir: 'desc', page: 1 })}>
              Most uncertain first
            </Link>
          )}
        </p>
        <div className="flex flex-wrap items-start gap-2">
          <DownloadMenu
            links={[
              { label: 'Matches as CSV (for Excel)', href: queueExportHref(query, 'csv') },
              { label: 'Matches as JSON Lines', href: queueExportHref(query, 'jsonl') },
            ]}
            note="Every match in the chosen bands and review state, not only this page; the text, decision and date filters are not applied."
          />
          <BulkAccept matches={exact} />
        </div>
      </div>
      {items.length === 0 ? (
        <EmptyState title={query.reviewed === 'no' ? 'No open match left to review here' : 'No matches for these filters'} action={<Link className="text-blue-800 underline" href="/review?reviewed=any">Show all matches</Link>}>
          Submit a record on the <Link className="underline" href="/">Submit</Link> page or import a file to fill the queue.
        </EmptyState>
      ) : (
        <QueueTable items={items} sortLinks={sortLinks(params, query)} />
      )}
      <nav aria-label="Queue pages" className="flex items-center justify-between text-sm">
        {page.page > 1 ? <Link className="text-blue-800 underline" href={queueHref(params, { page: page.page - 1 })} rel="prev">← Previous page</Link> : <span />}
        {page.page < page.pageCount ? <Link className="text-blue-800 underline" href={queueHref(params, { page: page.page + 1 })} rel="next">Next page →</Link> : <span />}
      </nav>
      {/* Below the matches: the keys work on the matches first; these records wait for create new or dismiss. */}
      {undecided && undecided.total > 0 ? <NoMatchList records={undecided.records} total={undecided.total} /> : null}
    </section>
  );
}
