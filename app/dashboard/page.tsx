// Dashboard: how much is coming in, how confidently it matches, and whether review keeps up — for the last
// N days (URL param `days`), drawn by client chart leaves from plain data computed here on the server.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ChartFigure } from '@/components/dashboard/chart-figure';
import { CountsBarChart } from '@/components/dashboard/counts-bar-chart';
import { DailyChart } from '@/components/dashboard/daily-chart';
import { BACKLOG_SERIES, BAND_SERIES, DECISION_SERIES, SPARSE_DAYS, STATUS_SERIES, countBars, countsTable, dailyTable, daysWithData } from '@/components/dashboard/series';
import { StatCard } from '@/components/dashboard/stat-card';
import { DASHBOARD_WINDOWS, dashboardParamsSchema } from '@/lib/schemas/dashboard';
import { dashboardSummary } from '@/lib/services/dashboard';
import { formatDuration } from '@/lib/ui/duration';
import { formatDateTime } from '@/lib/ui/format';
import { uiContext } from '@/lib/ui/session';

export const metadata: Metadata = { title: 'Dashboard' };
export const dynamic = 'force-dynamic';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function WindowPicker({ days }: { days: number }) {
  return (
    <nav aria-label="Time window" className="flex gap-1 text-sm">
      {DASHBOARD_WINDOWS.map((option) => (
        <Link
          key={option}
          href={`/dashboard?days=${option}`}
          aria-current={option === days ? 'page' : undefined}
          className={`rounded-md border px-3 py-1.5 ${option === days ? 'border-blue-700 bg-blue-50 font-semibold text-blue-900' : 'border-slate-300 bg-white hover:bg-slate-100'}`}
        >
          {option} days
        </Link>
      ))}
    </nav>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { days } = dashboardParamsSchema.parse(await searchParams);
  const ctx = await uiContext('read', `/dashboard?days=${days}`);
  const summary = await dashboardSummary(ctx, { days });
  const windowText = `since ${summary.since} (UTC)`;
  // The queue's date filter takes a day: the cards link to the same window there.
  const since = summary.since.slice(0, 10);
  const backlogBands = BACKLOG_SERIES.filter((style) => summary.backlog.byBand[style.key] > 0).map((style) => `${summary.backlog.byBand[style.key]} ${style.label.toLowerCase()}`);
  return (
    <section aria-labelledby="dashboard-heading" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="dashboard-heading" className="text-2xl font-semibold">Dashboard</h1>
          <p className="text-sm text-slate-600">The last {days} days, {windowText}. The review backlog counts every open record, however old.</p>
        </div>
        <WindowPicker days={days} />
      </div>

      <dl aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <StatCard label="Incoming records" value={summary.incoming.total} detail={`${summary.incoming.byStatus.pending} pending · ${summary.incoming.byStatus.error} errors`} />
        <StatCard
          label="Matched"
          href={`/review?reviewed=any&from=${since}`}
          value={summary.bestMatches.total}
          detail={
            <>
              <Link className="text-blue-800 underline" href={`/review?reviewed=any&band=exact&from=${since}`}>{summary.bestMatches.byBand.exact} exact</Link> ·{' '}
              <Link className="text-blue-800 underline" href={`/review?reviewed=any&band=high&from=${since}`}>{summary.bestMatches.byBand.high} high</Link>
            </>
          }
        />
        <StatCard label="Open review backlog" href="/review" value={summary.backlog.total} detail={summary.backlog.oldestReceivedAt ? `oldest from ${formatDateTime(summary.backlog.oldestReceivedAt)}` : 'nothing waiting'} />
        <StatCard label="Decisions" href={`/review?reviewed=yes&from=${since}`} value={summary.decisions.total} />
        <StatCard label="Median time to review" value={formatDuration(summary.medianSecondsToReview)} detail="from match to decision" />
      </dl>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFigure
          id="status-chart"
          title="Incoming records by status"
          summary={`${plural(summary.incoming.total, 'record', 'records')} received ${windowText}.`}
          empty={summary.incoming.total === 0 ? 'No incoming records in this window' : undefined}
          table={countsTable('Status', STATUS_SERIES, summary.incoming.byStatus)}
        >
          <CountsBarChart bars={countBars(STATUS_SERIES, summary.incoming.byStatus)} description="Incoming records by processing status" />
        </ChartFigure>
        <ChartFigure
          id="band-chart"
          title="Best match by band"
          summary={`The best candidate of ${plural(summary.bestMatches.total, 'matched record', 'matched records')}, by confidence band.`}
          empty={summary.bestMatches.total === 0 ? 'No matches in this window' : undefined}
          table={countsTable('Band', BAND_SERIES, summary.bestMatches.byBand)}
        >
          <CountsBarChart bars={countBars(BAND_SERIES, summary.bestMatches.byBand)} description="Best match per incoming record by confidence band" />
        </ChartFigure>
        <ChartFigure
          id="matches-chart"
          title="Matches per day by band"
          summary={`Best matches stored each day ${windowText}, stacked by band.`}
          empty={summary.bestMatches.total === 0 ? 'No matches in this window' : undefined}
          table={dailyTable(BAND_SERIES, summary.matchesPerDay)}
        >
          <DailyChart
            kind={daysWithData(BAND_SERIES, summary.matchesPerDay) < SPARSE_DAYS ? 'bar' : 'area'}
            data={summary.matchesPerDay}
            series={BAND_SERIES}
            description="Best matches per day, stacked by confidence band"
          />
        </ChartFigure>
        <ChartFigure
          id="decisions-chart"
          title="Review decisions per day"
          summary={`${plural(summary.decisions.total, 'decision', 'decisions')} ${windowText}; ${summary.backlog.total} open${backlogBands.length ? ` (${backlogBands.join(', ')})` : ''}.`}
          empty={summary.decisions.total === 0 ? 'No review decisions in this window' : undefined}
          table={dailyTable(DECISION_SERIES, summary.decisions.perDay)}
        >
          <DailyChart kind="bar" data={summary.decisions.perDay} series={DECISION_SERIES} description="Review decisions per day, stacked by decision" />
        </ChartFigure>
      </div>
    </section>
  );
}
