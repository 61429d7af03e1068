// Queue filters as a plain GET form: the result is a linkable URL, and it works before JavaScript loads.
import Link from 'next/link';
import { BAND_ORDER, BandBadge } from '@/components/ui/band-badge';
import { buttonClasses } from '@/components/ui/button';
import { CANDIDATE_DECISIONS } from '@/lib/domain/resolution';
import { QUEUE_PAGE_SIZES, type ReviewQueueQuery } from '@/lib/schemas/review-queue';

const INPUT = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

export function QueueFilters({ query }: { query: Partial<ReviewQueueQuery> }) {
  return (
    <form method="get" action="/review" className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 md:grid-cols-[auto_1fr]" aria-label="Filter the queue">
      <input type="hidden" name="sort" value={query.sort ?? 'probability'} />
      <input type="hidden" name="dir" value={query.dir ?? 'desc'} />
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Bands</legend>
        {BAND_ORDER.map((band) => (
          <label key={band} className="inline-flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="band" value={band} defaultChecked={query.band?.includes(band)} className="size-4" />
            <BandBadge band={band} />
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Reviewed
          <select name="reviewed" defaultValue={query.reviewed ?? 'no'} className={INPUT}>
            <option value="no">Not reviewed</option>
            <option value="yes">Reviewed</option>
            <option value="any">All</option>
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Decision
          <select name="decision" defaultValue={query.decision ?? ''} className={INPUT}>
            <option value="">Any</option>
            {CANDIDATE_DECISIONS.map((decision) => (
              <option key={decision} value={decision}>
                {decision.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Matched from
          <input type="date" name="from" defaultValue={query.from ?? ''} className={INPUT} />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          to
          <input type="date" name="to" defaultValue={query.to ?? ''} className={INPUT} />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Search
          <input type="search" name="q" defaultValue={query.q ?? ''} placeholder="Name, email, city or match id" className={`${INPUT} w-56`} />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Per page
          <select name="size" defaultValue={String(query.size ?? 25)} className={INPUT}>
            {QUEUE_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses('primary')}>
          Apply filters
        </button>
        <Link href="/review" className={buttonClasses('ghost')}>
          Reset
        </Link>
      </div>
    </form>
  );
}
