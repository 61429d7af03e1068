// A confidence band as a badge that reads without colour: a distinct shape per band plus its name.
import type { ConfidenceBand } from '@/lib/matching/types';

const BANDS: Record<ConfidenceBand, { label: string; shape: string; className: string; description: string }> = {
  exact: { label: 'Exact', shape: '●', className: 'border-green-700 bg-green-50 text-green-900', description: 'probability at least 95%, no field contradicting the match, and a field beyond the names confirming it' },
  high: { label: 'High', shape: '▲', className: 'border-blue-700 bg-blue-50 text-blue-900', description: 'probability 85–95%, or higher with a field that contradicts the match or nothing beyond the names confirming it' },
  potential: { label: 'Potential', shape: '◆', className: 'border-amber-600 bg-amber-50 text-amber-950', description: 'probability 75–85%' },
  low: { label: 'Low', shape: '○', className: 'border-slate-500 bg-slate-50 text-slate-800', description: 'probability below 75%' },
};

export const BAND_ORDER: readonly ConfidenceBand[] = ['exact', 'high', 'potential', 'low'];

export function isBand(value: string): value is ConfidenceBand {
  return (BAND_ORDER as readonly string[]).includes(value);
}

export function BandBadge({ band }: { band: ConfidenceBand }) {
  const style = BANDS[band];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${style.className}`}
      title={`${style.label} band: ${style.description}`}
      data-band={band}
    >
      <span aria-hidden="true">{style.shape}</span>
      {style.label}
    </span>
  );
}
