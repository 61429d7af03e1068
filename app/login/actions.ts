'use server';
// Sign in (paste an API key, or choose a display name when keys are not required) and sign out.
import { redirect } from 'next/navigation';
import { signInSchema, stewardNameSchema } from '@/lib/schemas/steward';
import { safeReturnPath, setStewardName, signInLandingPath, signInWithApiKey, signOut } from '@/lib/ui/session';
import { validatedAction, withFormState } from '@/lib/ui/steward-action';

const FALLBACK = 'Signing in failed on our side; try again in a moment.';

// No scope: these start the session that steward actions check.
export const signInAction = withFormState(
  validatedAction(
    signInSchema,
    async ({ apiKey, from }) => {
      const { scopes } = await signInWithApiKey(apiKey);
      redirect(signInLandingPath(from, scopes));
    },
    { errorField: 'apiKey', fallback: FALLBACK },
  ),
);

export const setNameAction = withFormState(
  validatedAction(
    stewardNameSchema,
    async ({ name, from }) => {
      await setStewardName(name);
      redirect(safeReturnPath(from));
    },
    { errorField: 'name', fallback: FALLBACK },
  ),
);

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect('/login?reason=signed-out');
}
