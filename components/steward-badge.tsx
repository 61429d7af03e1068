// Who is acting (server component): the name decisions are recorded under, and sign-in / sign-out.
import Link from 'next/link';
import { signOutAction } from '@/app/login/actions';
import { stewardDisplayName } from '@/lib/ui/session';

export async function StewardBadge() {
  const steward = await stewardDisplayName();
  if (!steward.signedIn) {
    return (
      <Link href="/login" className="ml-auto text-sm font-medium text-blue-800 underline underline-offset-2">
        Sign in
      </Link>
    );
  }
  return (
    <div className="ml-auto flex items-center gap-2 text-sm text-slate-700">
      <span>
        <span className="text-slate-500">Acting as </span>
        <span data-testid="steward-name">{steward.name}</span>
      </span>
      {steward.required ? (
        <form action={signOutAction}>
          <button type="submit" className="rounded-md px-2 py-1 text-blue-800 underline underline-offset-2 hover:bg-blue-50">
            Sign out
          </button>
        </form>
      ) : (
        <Link href="/login" className="rounded-md px-2 py-1 text-blue-800 underline underline-offset-2 hover:bg-blue-50">
          Change name
        </Link>
      )}
    </div>
  );
}
