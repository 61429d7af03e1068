// The end of an import: the counts, where the file stopped being readable, and the rows not imported.
import type { ImportSummaryResponse } from '@/lib/schemas/import';
import { MatchNow } from './match-now';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value.toLocaleString('en')}</dd>
    </div>
  );
}

export function ImportResult({ summary }: { summary: ImportSummaryResponse }) {
  const would = summary.dry_run ? 'Would be ' : '';
  return (
    <section aria-labelledby="import-summary-heading" className="space-y-4">
      <h2 id="import-summary-heading" className="text-lg font-semibold">
        {summary.dry_run ? 'Dry run: nothing was written' : 'Import finished'}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Count label="Rows read" value={summary.rows_read} />
        <Count label={`${would}inserted`} value={summary.inserted} />
        <Count label={`${would}updated`} value={summary.updated} />
        <Count label="Unchanged" value={summary.unchanged} />
        <Count label="Rejected" value={summary.rejected} />
      </dl>
      <p className="text-sm text-slate-600">
        {summary.format.toUpperCase()} into {summary.target === 'customers' ? 'customers' : 'incoming records'} from source system “{summary.source_system}” in {(summary.duration_ms / 1000).toFixed(1)} s.
        {summary.ignored_columns.length > 0 ? ` Ignored columns (not customer fields): ${summary.ignored_columns.join(', ')}.` : ''}
      </p>
      {summary.target === 'incoming' && !summary.dry_run && summary.inserted + summary.updated > 0 ? <MatchNow /> : null}
      {summary.error ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">The file stopped being readable{summary.error.row ? ` at row ${summary.error.row}` : ''}{summary.error.line ? ` (line ${summary.error.line})` : ''}.</p>
          <p>{summary.error.message}. The rows before it were {summary.dry_run ? 'checked' : 'imported'}; fix the file and import it again — unchanged rows are skipped.</p>
        </div>
      ) : null}
      {summary.rejections.length > 0 ? (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="px-3 py-2 text-left font-medium text-slate-900">
              Rows not imported{summary.rejections_truncated ? ` (the first ${summary.rejections.length} problems)` : ''}
            </caption>
            <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Row</th>
                <th scope="col" className="px-3 py-2">Line</th>
                <th scope="col" className="px-3 py-2">Source id</th>
                <th scope="col" className="px-3 py-2">Field</th>
                <th scope="col" className="px-3 py-2">Problem</th>
              </tr>
            </thead>
            <tbody>
              {summary.rejections.map((rejection, index) => (
                <tr key={`${rejection.row}-${rejection.field}-${index}`} className="border-t border-slate-100">
                  <td className="px-3 py-2 tabular-nums">{rejection.row}</td>
                  <td className="px-3 py-2 tabular-nums">{rejection.line ?? '—'}</td>
                  <td className="px-3 py-2">{rejection.source_id ?? '—'}</td>
                  <td className="px-3 py-2 font-mono text-xs">{rejection.field}</td>
                  <td className="px-3 py-2">{rejection.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
