// The audit log: who did what to which record and when, with what changed; filtered and paged by the URL.
import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { auditListQuerySchema } from '@/lib/schemas/audit';
import { auditFilterOptions, auditNames, listAudit } from '@/lib/services/audit';
import { auditChanges, entityHref } from '@/lib/ui/audit-diff';
import { formatDateTime } from '@/lib/ui/format';
import { uiContext } from '@/lib/ui/session';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;
const INPUT = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
const PICK_LISTS = [
  ['action', 'Action', 'actions'],
  ['entity_type', 'Record type', 'entityTypes'],
  ['actor', 'Who', 'actors'],
] as const;

type Options = Awaited<ReturnType<typeof auditFilterOptions>>;

/** Pick lists of what the log holds (a typed action name that is slightly off found nothing); the record id stays free text. */
function FilterForm({ params, options }: { params: Record<string, string>; options: Options }) {
  return (
    <form method="get" action="/audit-log" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3" aria-label="Filter the audit log">
      {PICK_LISTS.map(([name, label, list]) => {
        const values = options[list];
        // A value from a link that the recent events no longer hold stays choosable.
        const shown = params[name] && !values.includes(params[name]) ? [params[name], ...values] : values;
        return (
          <label key={name} className="flex flex-col text-xs font-medium text-slate-700">
            {label}
            <select name={name} defaultValue={params[name] ?? ''} className={INPUT}>
              <option value="">Any</option>
              {shown.map((value) => (
                <option key={value} value={value}>
                  {name === 'entity_type' ? value.replaceAll('_', ' ') : value}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <label className="flex flex-col text-xs font-medium text-slate-700">
        Record id
        <input name="entity_id" defaultValue={params.entity_id ?? ''} className={`${INPUT} w-28`} inputMode="numeric" />
      </label>
      <button type="submit" className={buttonClasses('primary')}>Apply filters</button>
      <Link href="/audit-log" className={buttonClasses('ghost')}>Reset</Link>
    </form>
  );
}

function single(params: Params): Record<string, string> {
  return Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (typeof value === 'string' && value.trim() !== '' ? [[key, value]] : [])));
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = single(await searchParams);
  const ctx = await uiContext('admin', '/audit-log');
  const parsed = auditListQuerySchema.safeParse({ limit: 50, ...params });
  const filterForm = <FilterForm params={params} options={await auditFilterOptions(ctx)} />;
  const heading = (
    <div>
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="text-sm text-slate-600">Every change, newest first: who made it, to which record, and what changed.</p>
    </div>
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return (
      <section className="space-y-4">
        {heading}
        {filterForm}
        <ErrorState title="These filters are not valid">{`${String(issue?.path[0] ?? 'filter')} ${issue?.message}`}</ErrorState>
      </section>
    );
  }
  const { events, nextCursor } = await listAudit(ctx, {
    limit: parsed.data.limit,
    cursor: parsed.data.cursor,
    action: parsed.data.action,
    entityType: parsed.data.entity_type,
    entityId: parsed.data.entity_id,
    actor: parsed.data.actor,
  });
  const names = await auditNames(ctx, events);
  const olderHref = nextCursor ? `/audit-log?${new URLSearchParams({ ...params, cursor: String(nextCursor) })}` : null;
  const withoutCursor = Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'cursor'));
  return (
    <section className="space-y-4">
      {heading}
      {filterForm}
      {events.length === 0 ? (
        <EmptyState title="No audit events match these filters" action={<Link className="text-blue-800 underline" href="/audit-log">Show all events</Link>} />
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm" data-testid="audit-table">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">When</th>
                <th scope="col" className="px-3 py-2 font-medium">Who</th>
                <th scope="col" className="px-3 py-2 font-medium">What</th>
                <th scope="col" className="px-3 py-2 font-medium">Record</th>
                <th scope="col" className="px-3 py-2 font-medium">Changes (before → after)</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const href = entityHref(event.entityType, event.entityId);
                const changes = auditChanges(event.before, event.after);
                return (
                  <tr key={event.id} className="border-t border-slate-100 align-top" data-testid="audit-row" data-action={event.action} data-entity={`${event.entityType}:${event.entityId}`}>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(event.at)}</td>
                    <td className="px-3 py-2">{event.actor}</td>
                    <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{event.action}</td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {href ? <Link className="text-blue-800 underline" href={href}>{`${event.entityType.replace('_', ' ')} #${event.entityId}`}</Link> : `${event.entityType.replace('_', ' ')} #${event.entityId}`}
                      {names.get(`${event.entityType}:${event.entityId}`) ? <span className="block max-w-56 truncate text-xs text-slate-600">{names.get(`${event.entityType}:${event.entityId}`)}</span> : null}
                    </td>
                    {/* Long values break anywhere; without a floor the table squeezed this column to one letter on a phone. */}
                    <td className="min-w-72 px-3 py-2">
                      {changes.length === 0 ? (
                        <span className="text-slate-500">—</span>
                      ) : (
                        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
                          {changes.slice(0, 8).map((change) => (
                            <div key={change.key} className="contents">
                              <dt className="font-medium text-slate-700">{change.key}</dt>
                              <dd className="break-all">
                                <span className="text-slate-500 line-through decoration-slate-400">{change.before}</span> <span aria-label="changed to">→</span> {change.after}
                              </dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit pages" className="flex justify-between text-sm">
        {params.cursor ? <Link className="text-blue-800 underline" href={`/audit-log?${new URLSearchParams(withoutCursor)}`}>← Newest</Link> : <span />}
        {olderHref ? <Link className="text-blue-800 underline" href={olderHref}>Older events →</Link> : <span />}
      </nav>
    </section>
  );
}
