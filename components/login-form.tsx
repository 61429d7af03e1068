'use client';
// The sign-in form: an API key when the server requires keys, else the name decisions are recorded under.
import { useActionState } from 'react';
import { setNameAction, signInAction } from '@/app/login/actions';
import type { ActionResult } from '@/lib/ui/steward-action';
import { Field } from './ui/field';
import { SubmitButton } from './ui/submit-button';
import { ErrorState } from './ui/states';

export function LoginForm({ mode, from, currentName }: { mode: 'api-key' | 'name'; from: string; currentName?: string }) {
  const [state, formAction] = useActionState<ActionResult<never> | null, FormData>(mode === 'api-key' ? signInAction : setNameAction, null);
  // What the steward can fix shows beside the field; only a failure on our side shows above the form.
  const fieldError = state && !state.ok ? state.fieldErrors?.[mode === 'api-key' ? 'apiKey' : 'name'] : undefined;
  const message = state && !state.ok && !fieldError ? state.message : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="from" value={from} />
      {message ? <ErrorState title="Could not sign in">{message}</ErrorState> : null}
      {mode === 'api-key' ? (
        <Field
          id="apiKey"
          name="apiKey"
          type="password"
          label="API key"
          autoComplete="off"
          required
          hint="Keys look like cm_xxxxxxxx_…; an administrator creates them with npm run api-keys -- create."
          error={fieldError}
        />
      ) : (
        <Field
          id="name"
          name="name"
          label="Your name"
          autoComplete="name"
          required
          defaultValue={currentName}
          hint="Shown as the actor of your decisions in the audit log."
          error={fieldError}
        />
      )}
      <SubmitButton pendingLabel="Signing in…">{mode === 'api-key' ? 'Sign in' : 'Save name'}</SubmitButton>
    </form>
  );
}
