'use client';
// The import form: file, target, dry run and source system; while it runs a progress bar and a status
// line (role=status), then the summary and the rows that were not imported, or an alert on failure.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { ImportResult } from './import-result';
import { uploadImport, type UploadState } from './upload';

const INPUT = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900';

function statusText(state: UploadState): string {
  switch (state.phase) {
    case 'uploading':
      return `Uploading… ${Math.round(state.share * 100)}%`;
    case 'importing':
      if (state.indexing) return `Building the search indexes after ${state.written.toLocaleString('en')} rows…`;
      return `Importing… ${state.rowsRead.toLocaleString('en')} rows read, ${state.written.toLocaleString('en')} written, ${state.rejected.toLocaleString('en')} rejected`;
    case 'done':
      return state.summary.error ? 'The import stopped early.' : 'Import finished.';
    default:
      return '';
  }
}

export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  const busy = state.phase === 'uploading' || state.phase === 'importing';
  useEffect(() => () => cancel.current?.(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return setFileError('Choose a non-empty CSV, JSON or JSON Lines file.');
    if (file.size > maxBytes) return setFileError(`The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB.`);
    setFileError(null);
    // Fields first, the file last: the server reads the form in order.
    const upload = new FormData();
    for (const name of ['target', 'source_system']) upload.set(name, String(form.get(name) ?? ''));
    upload.set('dry_run', form.get('dry_run') ? 'true' : 'false');
    upload.set('file', file);
    setState({ phase: 'uploading', share: 0 });
    cancel.current = uploadImport('/import/upload', upload, setState);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} aria-label="Import a file" className="grid gap-4 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">File (CSV, JSON or JSON Lines)</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'import-file-error' : undefined}
            className={INPUT}
          />
          {fileError ? <p id="import-file-error" className="text-sm text-red-800">{fileError}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="import-target" className="block text-sm font-medium text-slate-800">Import into</label>
          <select id="import-target" name="target" defaultValue="customers" className={INPUT}>
            <option value="customers">Customers (the records incoming ones are matched against)</option>
            <option value="incoming">Incoming records (to be matched)</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="import-source-system" className="block text-sm font-medium text-slate-800">Source system (for rows without one)</label>
          <input id="import-source-system" name="source_system" placeholder="import" maxLength={100} className={INPUT} aria-describedby="import-source-system-hint" />
          <p id="import-source-system-hint" className="text-xs text-slate-600">Rows are identified by source system and source_id.</p>
        </div>
        <div className="flex items-center gap-2 sm:col-span-2">
          <input id="import-dry-run" name="dry_run" type="checkbox" className="h-4 w-4" />
          <label htmlFor="import-dry-run" className="text-sm text-slate-800">Dry run: check the file and report what would change, write nothing</label>
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className={buttonClasses('primary')} disabled={busy} aria-disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite" className="space-y-2 text-sm text-slate-800">
        {busy ? (
          <>
            <progress
              className="h-2 w-full"
              aria-label="Import progress"
              max={1}
              value={state.phase === 'uploading' ? state.share : undefined}
            />
            <p>{statusText(state)}</p>
          </>
        ) : state.phase === 'done' ? (
          <p className="sr-only">{statusText(state)}</p>
        ) : null}
      </div>
      {state.phase === 'failed' ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">The import failed</p>
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.phase === 'done' ? <ImportResult summary={state.summary} /> : null}
    </div>
  );
}
