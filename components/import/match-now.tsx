'use client';
// After incoming records are imported they wait as "pending": Match now runs the matching here, then the
// review queue has them.
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { matchPendingAction, type MatchNowOutcome } from '@/app/import/actions';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

function outcomeText(outcome: MatchNowOutcome): string {
  const failed = outcome.failed ? `, ${outcome.failed} failed (see the dashboard)` : '';
  const left = outcome.remaining ? ` ${outcome.remaining} still waiting: press Match now again, or let the worker take them.` : '';
  return `Matched ${outcome.matched + outcome.noMatch} records: ${outcome.matched} with candidates (${outcome.exact} exact), ${outcome.noMatch} without${failed}.${left}`;
}

export function MatchNow() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const run = () =>
    startTransition(async () => {
      const outcome = await matchPendingAction({});
      setResult(outcome.ok ? { ok: true, text: outcomeText(outcome.data) } : { ok: false, text: outcome.message });
    });
  return (
    <div className="space-y-2 rounded-md border border-blue-200 bg-blue-50 p-3 text-sm" data-testid="match-now">
      <p>The incoming records wait to be matched. Match them now, or leave them to the worker (<code>npm run worker</code>).</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={run} disabled={pending} aria-busy={pending}>
          {pending ? (
            <>
              <Spinner /> Matching…
            </>
          ) : (
            'Match now'
          )}
        </Button>
        {result?.ok ? <Link className="text-blue-800 underline" href="/review">Open the review queue</Link> : null}
      </div>
      <p role="status" className={result && !result.ok ? 'text-red-800' : 'text-slate-800'}>
        {result?.text}
      </p>
    </div>
  );
}
