// Numbered pages for the directory: where the steward is, previous/next, and how many rows a page shows.
import Link from 'next/link';
import { DIRECTORY_PAGE_SIZES, type DirectoryParams } from '@/lib/schemas/directory';
import { directoryHref } from '@/lib/ui/directory-url';

const LINK = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600';
const DISABLED = 'rounded-md border border-slate-200 px-3 py-1.5 text-slate-400';

export function Pager({ params, page, pageCount, total, shown }: { params: DirectoryParams; page: number; pageCount: number; total: number; shown: number }) {
  const first = total === 0 ? 0 : (page - 1) * params.size + 1;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite">
        {first}–{first + shown - (shown ? 1 : 0)} of {total} {total === 1 ? 'customer' : 'customers'} · page {page} of {pageCount}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={LINK} href={directoryHref(params, { page: page - 1 })} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={DISABLED} aria-disabled="true">Previous</span>
        )}
        {page < pageCount ? (
          <Link className={LINK} href={directoryHref(params, { page: page + 1 })} rel="next">
            Next
          </Link>
        ) : (
          <span className={DISABLED} aria-disabled="true">Next</span>
        )}
      </div>
      <p className="flex items-center gap-2">
        <span className="text-slate-600">Per page:</span>
        {DIRECTORY_PAGE_SIZES.map((size) =>
          size === params.size ? (
            <span key={size} aria-current="true" className="font-semibold">
              {size}
            </span>
          ) : (
            <Link key={size} className="text-blue-800 underline" href={directoryHref(params, { size, page: 1 })}>
              {size}
            </Link>
          ),
        )}
      </p>
    </nav>
  );
}
