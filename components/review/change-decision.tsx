'use client';
// "Change decision": says what undoing will do (a customer created from this record is deleted, merged
// fields restored, candidates back in the queue) and does it only after the steward confirms.
import { useActionState, useRef, useState } from 'react';
import { decideMatchAction, decideRecordAction } from '@/app/review/[id]/actions';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/states';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionResult } from '@/lib/ui/steward-action';
import type { DecisionSummary } from '@/lib/ui/decision-summary';

export interface ChangeDecisionProps {
  /** Through the candidate (match page) or the record (record page). */
  target: { kind: 'match'; resultId: number } | { kind: 'record'; incomingId: number };
  version: number;
  label: string;
  effects: string[];
  blockers: string[];
}

type State = ActionResult<DecisionSummary> | null;

export function ChangeDecision({ target, version, label, effects, blockers }: ChangeDecisionProps) {
  const [open, setOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const [state, formAction] = useActionState<State, FormData>((_previous, form) => (target.kind === 'match' ? decideMatchAction(form) : decideRecordAction(form)), null);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => { setOpen(true); requestAnimationFrame(() => heading.current?.focus()); }} data-testid="change-decision">
        {label}…
      </Button>
    );
  }
  return (
    <form action={formAction} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4" aria-labelledby="change-decision-heading" data-testid="change-decision-confirm">
      {target.kind === 'match' ? <input type="hidden" name="resultId" value={target.resultId} /> : <input type="hidden" name="incomingId" value={target.incomingId} />}
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="decision" value="reopen" />
      <h3 id="change-decision-heading" ref={heading} tabIndex={-1} className="font-semibold text-amber-950">
        {blockers.length > 0 ? 'This decision cannot be changed yet' : 'Changing this decision will:'}
      </h3>
      <ul className="list-disc space-y-1 pl-5 text-sm text-amber-950" data-testid="change-decision-effects">
        {(blockers.length > 0 ? blockers : effects).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {state && !state.ok ? <ErrorState title="Nothing was changed">{state.message}</ErrorState> : null}
      {blockers.length === 0 ? (
        <div className="space-y-1">
          <label htmlFor="change-notes" className="block text-sm font-medium text-slate-800">Why (optional, kept in the audit log)</label>
          <input id="change-notes" name="notes" maxLength={2000} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {blockers.length === 0 ? <SubmitButton variant="danger" pendingLabel="Undoing…">Undo and reopen</SubmitButton> : null}
        <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
