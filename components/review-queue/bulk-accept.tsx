'use client';
// Bulk accept of the exact matches on this page, after a confirmation in a modal <dialog> (the browser
// makes the page behind it inert, so focus stays inside; Escape cancels).
import { useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { bulkAcceptAction } from '@/app/review/actions';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

export function BulkAccept({ matches }: { matches: Array<{ id: number; version: number; name: string }> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string; skipped: Array<{ id: number; reason: string }> } | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const confirm = () =>
    startTransition(async () => {
      const outcome = await bulkAcceptAction({ matches: matches.map(({ id, version }) => ({ id, version })) });
      setResult(outcome.ok ? { ok: outcome.data.skipped.length === 0, message: outcome.data.message, skipped: outcome.data.skipped } : { ok: false, message: outcome.message, skipped: [] });
      dialog.current?.close();
      router.refresh();
    });

  return (
    // A flex column, not space-y: the closed <dialog> is the last child, and space-y would leave a margin under the button.
    <div className="flex flex-col items-end gap-2">
      <Button variant="secondary" disabled={matches.length === 0} onClick={() => dialog.current?.showModal()}>
        Accept all exact on this page ({matches.length})
      </Button>
      {result ? (
        <div role="status" className={`rounded-md border p-3 text-sm ${result.ok ? 'border-green-200 bg-green-50' : 'border-amber-300 bg-amber-50'}`} data-testid="bulk-result">
          <p>{result.message}</p>
          {result.skipped.length ? (
            <ul className="mt-1 list-disc pl-5">
              {result.skipped.map((item) => (
                <li key={item.id}>
                  <a className="underline" href={`/review/${item.id}`}>Match #{item.id}</a> {item.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <dialog ref={dialog} aria-labelledby="bulk-title" aria-describedby="bulk-description" className="m-auto max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50">
        <div className="space-y-4 p-5">
          <h2 id="bulk-title" className="text-lg font-semibold">
            Accept {matches.length} exact {matches.length === 1 ? 'match' : 'matches'}?
          </h2>
          <div id="bulk-description" className="space-y-2 text-sm text-slate-700">
            <p>Each incoming record is linked to its customer, its other candidates are closed, and the decision is audited. A match someone else changed since this page loaded, or whose record was already resolved, is left alone and listed.</p>
            <ul className="max-h-40 list-disc overflow-y-auto pl-5">
              {matches.map((match) => (
                <li key={match.id}>{match.name}</li>
              ))}
            </ul>
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()} disabled={pending}>
              Cancel
            </Button>
            <Button onClick={confirm} disabled={pending}>
              {pending ? <Spinner /> : null}
              {pending ? 'Accepting…' : `Accept ${matches.length}`}
            </Button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
