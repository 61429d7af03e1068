'use client';
// Accept / reject / merge / create new for one match. The version the steward saw travels with the
// decision; a conflict keeps the notes and says how to recover.
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { reviewDecisionAction, type ReviewFormState } from '@/app/review/[id]/actions';
import { ErrorState, Notice } from '@/components/ui/states';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldLabel } from '@/lib/ui/format';
import type { FieldComparison, MergeableField } from '@/lib/ui/record-comparison';

const DECISION_TEXT: Record<string, string> = {
  accept: 'Accepted: the incoming record is linked to',
  reject: 'Rejected: this customer is not the incoming record.',
  merge: 'Merged the chosen fields into',
  create_new: 'Created a new customer from the incoming record:',
};

export interface DecisionPanelProps {
  resultId: number;
  version: number;
  mergeChoices: Array<FieldComparison<MergeableField> & { preselected: boolean }>;
}

export function DecisionPanel({ resultId, version, mergeChoices }: DecisionPanelProps) {
  const [state, formAction, isPending] = useActionState<ReviewFormState, FormData>(reviewDecisionAction, {});
  const [notes, setNotes] = useState('');
  const outcome = state.outcome;
  return (
    <form action={formAction} aria-busy={isPending} className="space-y-4" data-testid="decision-form">
      <input type="hidden" name="resultId" value={resultId} />
      <input type="hidden" name="version" value={version} />
      {state.conflict ? (
        <ErrorState title="Someone else changed this match" action={<a className="font-medium text-red-900 underline" href={`/review/${resultId}`}>Reload this match</a>}>
          <p data-testid="conflict-message">{state.message}</p>
        </ErrorState>
      ) : state.message ? (
        <ErrorState title="The decision was not saved">{state.message}</ErrorState>
      ) : null}
      {outcome ? (
        <Notice tone="success">
          <p data-testid="decision-outcome">
            <span aria-hidden="true">✓ </span>
            {DECISION_TEXT[outcome.decision]}{' '}
            {outcome.customerId !== null && outcome.decision !== 'reject' ? (
              <Link className="underline" href={`/directory/${outcome.customerId}`}>
                {outcome.customerName ?? `customer ${outcome.customerId}`}
              </Link>
            ) : null}
          </p>
          <p className="mt-1">
            <Link className="font-medium underline" href={outcome.auditHref}>
              See the audit entry
            </Link>{' '}
            · <Link className="underline" href="/review">Back to the queue</Link>
          </p>
        </Notice>
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
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Fields to take from the incoming record when merging</legend>
        {mergeChoices.length === 0 ? (
          <p className="text-sm text-slate-600">The incoming record adds nothing the customer does not already have.</p>
        ) : (
          <ul className="space-y-1.5">
            {mergeChoices.map((choice) => (
              <li key={choice.field} className="flex items-start gap-2 text-sm">
                <input type="checkbox" id={`merge-${choice.field}`} name="merge_fields" value={choice.field} defaultChecked={choice.preselected} className="mt-1 size-4" />
                <label htmlFor={`merge-${choice.field}`}>
                  <span className="font-medium">{fieldLabel(choice.field)}</span>: {choice.incoming}
                  <span className="text-slate-600">{choice.customer ? ` (replaces “${choice.customer}”)` : ' (customer has none)'}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="accept" pendingLabel="Accepting…">Accept (link)</SubmitButton>
        <SubmitButton name="decision" value="merge" variant="secondary" pendingLabel="Merging…">Merge selected fields</SubmitButton>
        <SubmitButton name="decision" value="reject" variant="danger" pendingLabel="Rejecting…">Reject</SubmitButton>
        <SubmitButton name="decision" value="create_new" variant="secondary" pendingLabel="Creating…">Create as new customer</SubmitButton>
      </div>
    </form>
  );
}
