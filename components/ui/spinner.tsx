// A small spinning ring, decorative: the text beside it says what is happening.
export function Spinner({ className = 'size-4' }: { className?: string }) {
  return (
    <svg className={`${className} animate-spin motion-reduce:animate-none`} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

/** A region that announces it is loading, for loading.tsx files and pending panels. */
export function LoadingPanel({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 rounded-md border border-slate-200 bg-white p-6 text-slate-700">
      <Spinner className="size-5 text-blue-700" />
      <span>{label}</span>
    </div>
  );
}
