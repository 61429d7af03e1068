'use client';
// Create as new customer, or dismiss, for an incoming record — also one with no candidate left
// ("no match: decide"), on the record page and in the queue.
import { useActionState, useState } from 'react';
import { decideRecordAction } from '@/app/review/[id]/actions';
import { ErrorState, Notice } from '@/components/ui/states';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionResult } from '@/lib/ui/steward-action';
import type { DecisionSummary } from '@/lib/ui/decision-summary';

type State = ActionResult<DecisionSummary> | null;

export function RecordDecision({ incomingId, version, compact = false, name }: { incomingId: number; version: number; compact?: boolean; name: string }) {
  const [state, formAction, isPending] = useActionState<State, FormData>((_previous, form) => decideRecordAction(form), null);
  const [notes, setNotes] = useState('');
  if (state?.ok) {
    return (
      <Notice tone="success">
        <span data-testid="record-decision-outcome">
          {state.data.state === 'created' ? `Created as customer #${state.data.customerId}` : state.data.stateLabel}.
        </span>
      </Notice>
    );
  }
  return (
    <form action={formAction} aria-busy={isPending} aria-label={`Decide on ${name}`} className={compact ? 'flex flex-wrap items-center gap-2' : 'space-y-3'} data-testid="record-decision">
      <input type="hidden" name="incomingId" value={incomingId} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok ? <ErrorState title={state.conflict ? 'Someone else decided first' : 'Nothing was saved'}>{state.message}</ErrorState> : null}
      {compact ? null : (
        <div className="space-y-1">
          <label htmlFor={`record-notes-${incomingId}`} className="block text-sm font-medium text-slate-800">
            Notes <span className="font-normal text-slate-600">(optional, kept with the decision)</span>
          </label>
          <textarea id={`record-notes-${incomingId}`} name="notes" rows={2} maxLength={2000} value={notes} onChange={(event) => setNotes(event.target.value)} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="create_new" pendingLabel="Creating…">
          Create as new customer<span className="sr-only"> from {name}</span>
        </SubmitButton>
        <SubmitButton name="decision" value="dismiss" variant="secondary" pendingLabel="Dismissing…">
          Dismiss<span className="sr-only"> {name}</span>
        </SubmitButton>
      </div>
    </form>
  );
}
