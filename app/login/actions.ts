'use server';
// Sign in (paste an API key, or choose a display name when keys are not required) and sign out.
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { signInSchema, stewardNameSchema } from '@/lib/schemas/steward';
import { safeReturnPath, setStewardName, signInLandingPath, signInWithApiKey, signOut } from '@/lib/ui/session';

export interface LoginFormState {
  message?: string;
  fieldError?: string;
}

function failure(error: unknown): LoginFormState {
  if (error instanceof AppError && error.status < 500) return { fieldError: error.message };
  if (error instanceof AppError) return { message: error.message };
  return { message: 'Signing in failed on our side; try again in a moment.' };
}

export async function signInAction(_previous: LoginFormState, form: FormData): Promise<LoginFormState> {
  const parsed = signInSchema.safeParse({ apiKey: form.get('apiKey'), from: form.get('from') ?? undefined });
  if (!parsed.success) return { fieldError: parsed.error.issues[0]?.message };
  let scopes: readonly string[];
  try {
    ({ scopes } = await signInWithApiKey(parsed.data.apiKey));
  } catch (error) {
    return failure(error);
  }
  redirect(signInLandingPath(parsed.data.from, scopes));
}

export async function setNameAction(_previous: LoginFormState, form: FormData): Promise<LoginFormState> {
  const parsed = stewardNameSchema.safeParse({ name: form.get('name'), from: form.get('from') ?? undefined });
  if (!parsed.success) return { fieldError: parsed.error.issues[0]?.message };
  try {
    await setStewardName(parsed.data.name);
  } catch (error) {
    return failure(error);
  }
  redirect(safeReturnPath(parsed.data.from));
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect('/login?reason=signed-out');
}
