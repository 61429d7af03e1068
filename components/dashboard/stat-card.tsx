// One headline figure with what it counts, and an optional line of detail under it; with `href` the label
// links to the list behind the figure (the review queue with the matching filter).
import Link from 'next/link';
import type { ReactNode } from 'react';

export function StatCard({ label, value, detail, href }: { label: string; value: ReactNode; detail?: ReactNode; href?: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">
        {href ? (
          <Link href={href} className="text-blue-800 underline underline-offset-2">
            {label} <span aria-hidden="true">→</span>
          </Link>
        ) : (
          label
        )}
      </dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-600">{detail}</dd> : null}
    </div>
  );
}
