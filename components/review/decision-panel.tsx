'use client';
// Accept / merge / reject / create new / dismiss for one open candidate. The version the steward saw
// travels with the decision; when someone else decided first the message says what happened, notes are kept.
// a and r press Accept and Reject; with "Save & next" on, a saved decision opens the next open match.
import { useRouter } from 'next/navigation';
import { useActionState, useRef, useState } from 'react';
import { decideMatchAction } from '@/app/review/[id]/actions';
import { useKeyShortcuts } from '@/components/ui/use-key-shortcuts';
import { ErrorState } from '@/components/ui/states';
import { SubmitButton } from '@/components/ui/submit-button';
import type { BlockChoice, MergeRecord } from '@/lib/domain/merge';
import type { ActionResult } from '@/lib/ui/steward-action';
import type { DecisionSummary } from '@/lib/ui/decision-summary';
import { MergeBlocks } from './merge-blocks';
import { useSaveAndNext } from './save-and-next';

export interface DecisionPanelProps {
  resultId: number;
  incomingId: number;
  version: number;
  customer: MergeRecord;
  incoming: MergeRecord;
  mergeChoices: BlockChoice[];
  /** The next open match of another record, for "Save & next"; null when none is left. */
  nextHref: string | null;
}

type State = ActionResult<DecisionSummary> | null;

export function DecisionPanel({ resultId, incomingId, version, customer, incoming, mergeChoices, nextHref }: DecisionPanelProps) {
  const router = useRouter();
  const [saveAndNext, setSaveAndNext] = useSaveAndNext();
  const [state, formAction, isPending] = useActionState<State, FormData>(async (_previous, form) => {
    const result = await decideMatchAction(form);
    // Navigated from inside the action: on success this panel is replaced by the decided one and would not see the result.
    if (result.ok && saveAndNext && nextHref) router.push(nextHref);
    return result;
  }, null);
  const [notes, setNotes] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const press = (decision: string) => form.current?.requestSubmit(form.current.querySelector<HTMLButtonElement>(`button[value="${decision}"]`));
  // The queue's keys: n creates a new customer from the incoming record there too.
  useKeyShortcuts({ a: () => press('accept'), r: () => press('reject'), n: () => press('create_new') }, !isPending, form);
  return (
    <form ref={form} action={formAction} aria-busy={isPending} className="space-y-4" data-testid="decision-form">
      <input type="hidden" name="resultId" value={resultId} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok ? (
        <ErrorState
          title={state.conflict ? 'Someone else decided first' : 'The decision was not saved'}
          action={state.conflict ? <a className="font-medium text-red-900 underline" href={`/review/incoming/${incomingId}`}>See the record as it is now</a> : undefined}
        >
          <p data-testid="conflict-message">{state.message}</p>
          {state.conflict ? <p className="mt-1">Your notes are kept below.</p> : null}
        </ErrorState>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="review-notes" className="block text-sm font-medium text-slate-800">
          Notes <span className="font-normal text-slate-600">(optional, kept with the decision)</span>
        </label>
        <textarea
          id="review-notes"
          name="notes"
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="accept" pendingLabel="Accepting…" keyShortcut="a">Accept (link)</SubmitButton>
        <SubmitButton name="decision" value="reject" variant="danger" pendingLabel="Rejecting…" keyShortcut="r">Reject this candidate</SubmitButton>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" className="mt-0.5 size-4" checked={saveAndNext} onChange={(event) => setSaveAndNext(event.target.checked)} disabled={!nextHref} />
        <span>
          <span className="font-medium">Save &amp; next</span>{' '}
          <span className="text-slate-600">{nextHref ? '— after saving, open the next open match' : '— no other open match is waiting'}</span>
        </span>
      </label>
      <MergeBlocks customer={customer} incoming={incoming} choices={mergeChoices} />
      <div className="space-y-2 rounded-md border border-slate-200 p-3">
        <p className="text-sm font-medium text-slate-800">None of the candidates?</p>
        <div className="flex flex-wrap gap-2">
          <SubmitButton name="decision" value="create_new" variant="secondary" pendingLabel="Creating…" keyShortcut="n">Create as new customer</SubmitButton>
          <SubmitButton name="decision" value="dismiss" variant="secondary" pendingLabel="Dismissing…">Dismiss the record</SubmitButton>
        </div>
        <p className="text-xs text-slate-600">Either closes every candidate of this incoming record. Dismiss is for records that are not customers (tests, junk).</p>
      </div>
    </form>
  );
}
