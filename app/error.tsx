'use client';

// Shown when a page fails on the server (for example the database is unreachable).
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="space-y-3 rounded border border-red-200 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">This page could not load</h1>
      <p className="text-red-900">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON endpoint; the rule takes app/api/[...path] for a page */}
        The server could not finish the request. If it keeps happening, check <a className="underline" href="/api/v1/health">the health report</a>: the
        database may be unreachable.
      </p>
      <button type="button" onClick={reset} className="rounded bg-red-700 px-3 py-1.5 text-white hover:bg-red-800">
        Try again
      </button>
    </section>
  );
}
