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

/** The band's meaning as visible text (the badge's title is for mouse users only). */
export function bandMeaning(band: ConfidenceBand): string {
  return `${BANDS[band].label} band: ${BANDS[band].description}.`;
}

/** What every band means, behind a disclosure that a keyboard, a screen reader and a tap can all open. */
export function BandLegend({ className = '' }: { className?: string }) {
  return (
    <details className={`text-sm ${className}`} data-testid="band-legend">
      <summary className="cursor-pointer font-medium text-blue-800 underline-offset-2 hover:underline">What do the bands mean?</summary>
      <dl className="mt-2 grid gap-x-3 gap-y-1.5 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-[auto_1fr]">
        {BAND_ORDER.map((band) => (
          <div key={band} className="contents">
            <dt>
              <BandBadge band={band} />
            </dt>
            <dd className="text-slate-700">{BANDS[band].description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
