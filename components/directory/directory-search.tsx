// The directory's two searches as GET forms: their state lives in the URL, so results can be bookmarked,
// shared and reloaded, and both forms work before any JavaScript has loaded.
import Form from 'next/form';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { DirectoryParams } from '@/lib/schemas/directory';
import { directoryHref } from '@/lib/ui/directory-url';

const THRESHOLDS = [0.3, 0.5, 0.7, 0.8];

export function DirectorySearch({ params }: { params: DirectoryParams }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Form action="/directory" role="search" aria-label="Filter customers" className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
        <Field id="directory-filter" name="q" type="search" label="Filter by name, email or city" defaultValue={params.q ?? ''} placeholder="e.g. acme, @globex.io, London" autoComplete="off" />
        {/* The sort and page size stay; the page starts again at one. */}
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <input type="hidden" name="size" value={params.size} />
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClasses('primary')}>Filter</button>
          {params.q ? (
            <Link href={directoryHref({ ...params, q: undefined, page: 1, semantic: undefined })} className="text-sm text-blue-800 underline">
              Clear filter
            </Link>
          ) : null}
        </div>
      </Form>
      <Form action="/directory" role="search" aria-label="Semantic search" className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
        <Field
          id="directory-semantic"
          name="semantic"
          type="search"
          label="Semantic search"
          hint="Finds customers by meaning and spelling variants, ranked by similarity."
          defaultValue={params.semantic ?? ''}
          placeholder="e.g. Globex Technolgies in San Francisco"
          autoComplete="off"
        />
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="directory-threshold" className="text-sm text-slate-700">
            Minimum similarity
          </label>
          <select id="directory-threshold" name="threshold" defaultValue={String(params.threshold)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            {THRESHOLDS.map((threshold) => (
              <option key={threshold} value={threshold}>
                {Math.round(threshold * 100)}%
              </option>
            ))}
          </select>
          <button type="submit" className={buttonClasses('secondary')}>Search</button>
        </div>
      </Form>
    </div>
  );
}
