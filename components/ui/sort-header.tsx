// A sortable column header: a link to the same page sorted by this column (the sort lives in the URL,
// done by the server), with the direction as an arrow for the eye and aria-sort for assistive tech.
import Link from 'next/link';
import type { ReactNode } from 'react';

export type SortDirection = 'asc' | 'desc' | false | null | undefined;

export function ariaSort(direction: SortDirection): 'ascending' | 'descending' | undefined {
  return direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined;
}

export function SortHeaderLink({ href, direction, children }: { href: string; direction: SortDirection; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1 rounded underline-offset-2 hover:text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      {children}
      <span aria-hidden="true" className={direction ? 'text-slate-900' : 'text-slate-400'}>
        {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
      </span>
    </Link>
  );
}
