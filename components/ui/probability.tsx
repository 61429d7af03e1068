// A match probability as a number and a bar; the number is the content, the bar only a visual aid.
import { formatProbability } from '@/lib/ui/format';

export function ProbabilityBar({ probability, className = '' }: { probability: number; className?: string }) {
  const width = `${Math.max(0, Math.min(1, probability)) * 100}%`;
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <span className="w-14 text-right font-mono text-sm tabular-nums">{formatProbability(probability)}</span>
      <span className="h-2 w-20 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <span className="block h-full rounded-full bg-blue-700" style={{ width }} />
      </span>
    </span>
  );
}
