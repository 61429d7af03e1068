'use client';
// The directory's customer table. Sorting and paging happen on the server: a sortable header is a link
// to the same page with new search params, so it works before hydration and can be bookmarked.
import Link from 'next/link';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import type { DirectoryParams, DirectorySort } from '@/lib/schemas/directory';
import { directoryHref, sortChange } from '@/lib/ui/directory-url';
import { ariaSort, SortHeaderLink } from '@/components/ui/sort-header';

export interface DirectoryRow {
  id: number;
  companyName: string | null;
  contactName: string | null;
  email: string | null;
  city: string | null;
  country: string | null;
  industry: string | null;
  /** ISO timestamp; the table shows its UTC date. */
  createdAt: string;
}

const column = createColumnHelper<DirectoryRow>();
/** Narrow screens keep company, city and country; the rest is one tap away on the customer's page. */
const columnClass = (definition: { meta?: unknown }) => (definition.meta as { className?: string } | undefined)?.className ?? '';
const text = (value: string | null) => value ?? '—';

const COLUMNS = [
  column.accessor('companyName', {
    id: 'company_name',
    header: 'Company',
    enableSorting: true,
    cell: (info) => (
      <Link href={`/directory/${info.row.original.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
        {info.getValue() ?? `Customer ${info.row.original.id}`}
      </Link>
    ),
  }),
  column.accessor('contactName', { header: 'Contact', enableSorting: false, meta: { className: 'hidden sm:table-cell' }, cell: (info) => text(info.getValue()) }),
  column.accessor('email', { header: 'Email', enableSorting: false, meta: { className: 'hidden md:table-cell' }, cell: (info) => text(info.getValue()) }),
  column.accessor('city', { id: 'city', header: 'City', enableSorting: true, cell: (info) => text(info.getValue()) }),
  column.accessor('country', { id: 'country', header: 'Country', enableSorting: true, cell: (info) => text(info.getValue()) }),
  column.accessor('industry', { header: 'Industry', enableSorting: false, meta: { className: 'hidden lg:table-cell' }, cell: (info) => text(info.getValue()) }),
  column.accessor('createdAt', {
    id: 'created_at',
    header: 'Added',
    enableSorting: true,
    meta: { className: 'hidden md:table-cell' },
    cell: (info) => <time dateTime={info.getValue()} className="whitespace-nowrap">{info.getValue().slice(0, 10)}</time>,
  }),
];

export function CustomerTable({ rows, params }: { rows: DirectoryRow[]; params: DirectoryParams }) {
  const sorting: SortingState = [{ id: params.sort, desc: params.dir === 'desc' }];
  // The table is rebuilt from server props on every navigation; nothing downstream relies on memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    state: { sorting },
    manualSorting: true,
    manualPagination: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });

  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Customers, sorted by {params.sort.replace('_', ' ')} {params.dir === 'asc' ? 'ascending' : 'descending'}</caption>
        <thead className="bg-slate-100 text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`px-3 py-2 font-medium whitespace-nowrap ${columnClass(header.column.columnDef)}`}
                    aria-sort={ariaSort(sorted)}
                  >
                    {header.column.getCanSort() ? (
                      <SortHeaderLink href={directoryHref(params, sortChange(params, header.column.id as DirectorySort))} direction={sorted}>
                        {label}
                      </SortHeaderLink>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 hover:bg-slate-50">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`px-3 py-2 align-top ${columnClass(cell.column.columnDef)}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
