'use client';
// "Next match" on the match page, and its key j (as in the queue): the next open match of another record, decided or not here.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useKeyShortcuts } from '@/components/ui/use-key-shortcuts';

export function NextMatch({ href }: { href: string | null }) {
  const router = useRouter();
  const link = useRef<HTMLAnchorElement>(null);
  useKeyShortcuts({ j: () => (href ? router.push(href) : undefined) }, href !== null, link);
  if (!href) {
    return <span className="text-sm text-slate-600" data-testid="next-match">No other open match is waiting.</span>;
  }
  return (
    <Link ref={link} href={href} className="inline-flex items-center gap-1.5 text-sm font-medium text-blue-800 underline underline-offset-2" aria-keyshortcuts="j" data-testid="next-match">
      Next match →
      <kbd aria-hidden="true" className="rounded border border-slate-300 bg-white px-1 font-mono text-xs text-slate-700 no-underline">j</kbd>
    </Link>
  );
}

/** The match page's keys, the queue's: always visible beside the decision. */
export function MatchKeysLegend({ decidable }: { decidable: boolean }) {
  const keys: Array<[string, string]> = decidable ? [['a', 'accept'], ['r', 'reject'], ['n', 'create new customer'], ['j', 'next match']] : [['j', 'next match']];
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" aria-label="Keyboard shortcuts">
      {keys.map(([key, action]) => (
        <span key={key}>
          <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono">{key}</kbd> {action}
        </span>
      ))}
      <span className="text-slate-500">(not while typing)</span>
    </p>
  );
}
