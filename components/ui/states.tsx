// What a page or panel shows when there is nothing yet, or when something went wrong: say what to do next.
import type { ReactNode } from 'react';

/** `heading`: the title is the page's heading (a not-found page), so the page still has one. */
export function EmptyState({ title, children, action, heading }: { title: string; children?: ReactNode; action?: ReactNode; heading?: 'h1' | 'h2' }) {
  const Title = heading ?? 'p';
  return (
    <div className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center">
      <Title className={heading === 'h1' ? 'text-xl font-semibold text-slate-900' : 'font-medium text-slate-900'}>{title}</Title>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}

export function ErrorState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {title}
      </p>
      {children ? <div className="mt-1 text-sm">{children}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}

export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'warning'; children: ReactNode }) {
  const tones = {
    info: 'border-blue-200 bg-blue-50 text-blue-950',
    success: 'border-green-200 bg-green-50 text-green-950',
    warning: 'border-amber-300 bg-amber-50 text-amber-950',
  };
  return (
    <div role="status" className={`rounded-md border p-4 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
