// An incoming record's state as a badge with its name in words (never colour alone).
import { STATE_LABELS, type IncomingState } from '@/lib/domain/resolution';

const STYLE: Record<IncomingState, string> = {
  pending: 'border-slate-400 bg-slate-50 text-slate-800',
  matching: 'border-sky-600 bg-sky-50 text-sky-900',
  matched: 'border-blue-700 bg-blue-50 text-blue-900',
  no_match: 'border-amber-600 bg-amber-50 text-amber-950',
  linked: 'border-green-700 bg-green-50 text-green-900',
  created: 'border-teal-700 bg-teal-50 text-teal-900',
  dismissed: 'border-slate-500 bg-slate-100 text-slate-800',
  error: 'border-red-700 bg-red-50 text-red-900',
};

export function StateBadge({ state }: { state: IncomingState }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STYLE[state]}`} data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}
