// The plain tables of the directory pages: a bordered frame that scrolls sideways on a phone, a caption
// for screen readers and one header row; columns may hide below a breakpoint. The rows are the caller's.
import type { ReactNode } from 'react';

export interface FramedColumn {
  label: string;
  /** Hidden on screens narrower than this breakpoint. */
  hiddenBelow?: 'sm' | 'md';
  /** Read by screen readers only (an actions column). */
  srOnly?: boolean;
}

// Whole class names, so Tailwind finds them.
const HIDDEN_BELOW = { sm: 'hidden sm:table-cell', md: 'hidden md:table-cell' } as const;

export function FramedTable({ caption, columns, testId, children }: { caption: string; columns: FramedColumn[]; testId?: string; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`${column.hiddenBelow ? `${HIDDEN_BELOW[column.hiddenBelow]} ` : ''}px-3 py-2 font-medium`}>
                {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
