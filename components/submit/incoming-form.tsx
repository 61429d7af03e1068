'use client';
// Submit & match form: the API's incoming-customer fields, inline errors, kept values, pending state.
import { useActionState, useEffect, useRef, useState } from 'react';
import { submitAndMatchAction, type SubmitMatchResult } from '@/app/actions';
import { Button } from '@/components/ui/button';
import { Field, TextAreaField } from '@/components/ui/field';
import { ErrorState } from '@/components/ui/states';
import { SubmitButton } from '@/components/ui/submit-button';
import { EXAMPLE_INCOMING, INCOMING_FIELDS } from '@/lib/ui/incoming-fields';
import type { ActionResult } from '@/lib/ui/steward-action';
import { MatchResults } from './match-results';

const EMPTY: Record<string, string> = Object.fromEntries(INCOMING_FIELDS.map((field) => [field.name, '']));

export function IncomingForm() {
  const [state, formAction, isPending] = useActionState<ActionResult<SubmitMatchResult> | null, FormData>(submitAndMatchAction, null);
  const result = state?.ok ? state.data : null;
  const failure = state && !state.ok ? state : null;
  // Controlled values: the form keeps what was typed after an error (React resets uncontrolled forms).
  const [values, setValues] = useState<Record<string, string>>(EMPTY);
  const resultsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) resultsRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [result]);

  const set = (name: string) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value }));
  const errors = failure?.fieldErrors ?? {};

  return (
    <div className="space-y-6">
      <form action={formAction} aria-busy={isPending} aria-describedby="submit-help" className="space-y-4 rounded-md border border-slate-200 bg-white p-4" noValidate>
        <p id="submit-help" className="text-sm text-slate-600">
          Fields marked * are required. The record is stored as incoming and matched against existing customers.
        </p>
        {failure ? <ErrorState title="The record was not matched">{failure.message}</ErrorState> : null}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {INCOMING_FIELDS.map((field) =>
            field.type === 'textarea' ? (
              <TextAreaField
                key={field.name}
                id={`incoming-${field.name}`}
                name={field.name}
                label={field.label}
                rows={2}
                value={values[field.name]}
                onChange={set(field.name)}
                error={errors[field.name]}
                className="sm:col-span-2 lg:col-span-3"
              />
            ) : (
              <Field
                key={field.name}
                id={`incoming-${field.name}`}
                name={field.name}
                label={field.label}
                type={field.type === 'number' ? 'text' : (field.type ?? 'text')}
                inputMode={field.type === 'number' ? 'numeric' : undefined}
                autoComplete={field.autoComplete}
                required={field.required}
                value={values[field.name]}
                onChange={set(field.name)}
                error={errors[field.name]}
                className={field.wide ? 'sm:col-span-2 lg:col-span-3' : ''}
              />
            ),
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <SubmitButton pendingLabel="Matching…">Submit and match</SubmitButton>
          <Button variant="secondary" onClick={() => setValues(EXAMPLE_INCOMING)} disabled={isPending}>
            Fill example
          </Button>
          <Button variant="ghost" onClick={() => setValues(EMPTY)} disabled={isPending}>
            Clear
          </Button>
        </div>
      </form>
      <div ref={resultsRef} aria-live="polite">
        {isPending ? (
          <p role="status" className="text-sm text-slate-700">
            Matching against existing customers…
          </p>
        ) : result ? (
          <MatchResults
            incomingId={result.incomingId}
            companyName={result.companyName}
            matches={result.matches}
            candidateCount={result.candidateCount}
            resubmittedNote={result.resubmittedNote}
          />
        ) : null}
      </div>
    </div>
  );
}
