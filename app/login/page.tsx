// Sign-in for data stewards: paste an API key when keys are required; otherwise pick a display name.
import type { Metadata } from 'next';
import { LoginForm } from '@/components/login-form';
import { Notice } from '@/components/ui/states';
import { authRequired } from '@/lib/env';
import { safeReturnPath, stewardDisplayName, type LoginReason } from '@/lib/ui/session';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const REASONS: Record<LoginReason, string> = {
  signin: 'Sign in to continue.',
  invalid: 'That API key is not valid. Paste a current key.',
  expired: 'Your session has ended (it expired, you signed out, or the API key was revoked or expired). Sign in again.',
  forbidden: '',
  'signed-out': 'You are signed out.',
};

function reasonText(reason: string | undefined, scope: string | undefined): string | undefined {
  if (reason === 'forbidden') return `Your API key lacks the "${scope ?? 'needed'}" scope for that page. Sign in with a key that has it, or ask an administrator.`;
  return reason && reason in REASONS ? REASONS[reason as LoginReason] : undefined;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
  const message = reasonText(one('reason'), one('scope'));
  const required = authRequired();
  const steward = await stewardDisplayName();
  return (
    <section aria-labelledby="login-heading" className="mx-auto max-w-md space-y-4">
      <h1 id="login-heading" className="text-2xl font-semibold">
        {required ? 'Sign in' : 'Who is reviewing?'}
      </h1>
      {message ? <Notice tone={one('reason') === 'signed-out' ? 'info' : 'warning'}>{message}</Notice> : null}
      <p className="text-sm text-slate-700">
        {required
          ? 'This server requires an API key. Paste yours: it is checked once and not kept in your browser, which holds only a session that ends when you sign out or stop working for a while.'
          : 'Keys are not required on this server. Your decisions are recorded under the name below.'}
      </p>
      <div className="rounded-md border border-slate-200 bg-white p-4">
        <LoginForm mode={required ? 'api-key' : 'name'} from={safeReturnPath(one('from'))} currentName={required ? undefined : steward.name} />
      </div>
    </section>
  );
}
