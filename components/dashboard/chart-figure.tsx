// A named chart with a one-line summary and, for anyone who cannot see it, the same numbers as a table.
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/states';

export interface DataTable {
  columns: string[];
  rows: Array<Array<string | number>>;
}

export function ChartFigure({
  id,
  title,
  summary,
  empty,
  table,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string;
  table: DataTable;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="font-semibold">{title}</h2>
      <figcaption id={`${id}-summary`} className="text-sm text-slate-600">{summary}</figcaption>
      {empty ? (
        <EmptyState title={empty} />
      ) : (
        <>
          <div className="min-w-0">{children}</div>
          <details className="text-sm">
            <summary className="cursor-pointer text-blue-800 underline">Show the data as a table</summary>
            <div className="mt-2 max-h-72 overflow-auto">
              <table className="min-w-full text-left">
                <caption className="sr-only">{title}</caption>
                <thead className="sticky top-0 bg-slate-100">
                  <tr>
                    {table.columns.map((column, index) => (
                      <th key={column} scope="col" className={`px-2 py-1 font-medium ${index > 0 ? 'text-right' : ''}`}>{column}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={String(row[0])} className="border-t border-slate-100">
                      {row.map((cell, index) =>
                        index === 0 ? (
                          <th key={index} scope="row" className="px-2 py-1 font-normal">{cell}</th>
                        ) : (
                          <td key={index} className="px-2 py-1 text-right tabular-nums">{cell}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
