// The score as a waterfall: the prior, each field's weight (bits of evidence for or against) with the
// reason in place when it is not the level's own, and the final log-odds. Bars for the eye, a table with
// the same numbers for all.
import { formatProbability, formatWeight } from '@/lib/ui/format';
import type { MatchCriteria } from '@/lib/schemas/explanation';
import { probabilityFromWeight, waterfallDomain, waterfallSteps, type WaterfallStep } from '@/lib/ui/waterfall';

function barColour(kind: string, weight: number): string {
  if (kind === 'prior') return 'bg-slate-500';
  if (kind === 'total') return 'bg-blue-700';
  if (kind === 'folded') return 'bg-slate-300';
  return weight >= 0 ? 'bg-green-600' : 'bg-red-600';
}

function StepText({ step }: { step: WaterfallStep }) {
  return (
    <span className="col-span-2 min-w-0 break-words sm:col-span-1">
      <span className={step.kind === 'field' ? 'font-medium' : ''}>{step.label}</span>
      {step.level ? <span className="text-slate-700">{step.kind === 'folded' ? ': ' : ' · '}{step.level}</span> : null}
      {step.note && step.kind === 'field' ? <span className="block text-slate-600" data-testid="waterfall-note">{step.note}</span> : null}
    </span>
  );
}

export function WeightWaterfall({ explanation }: { explanation: MatchCriteria }) {
  const steps = waterfallSteps(explanation);
  const [low, high] = waterfallDomain(steps);
  const at = (value: number) => ((value - low) / (high - low)) * 100;
  const summary = `Prior ${formatWeight(explanation.prior_weight)}, ${explanation.fields.length} fields, final match weight ${formatWeight(explanation.match_weight)} bits, probability ${formatProbability(explanation.match_probability)}`;
  return (
    <figure className="space-y-3" data-testid="waterfall">
      <figcaption className="text-sm text-slate-700">
        Each bar moves the log-odds (bits) of a match: right is evidence for, left against. {summary}.
      </figcaption>
      <ol aria-label={`Waterfall. ${summary}`} className="space-y-1.5 rounded-md border border-slate-200 bg-white p-3" data-testid="waterfall-steps">
        {steps.map((step, index) => {
          const left = at(Math.min(step.from, step.to));
          const width = Math.max(0.6, Math.abs(at(step.to) - at(step.from)));
          return (
            <li
              key={`${step.label}-${index}`}
              data-kind={step.kind}
              data-field={step.field}
              className={`grid grid-cols-[1fr_3.5rem] items-center gap-x-2 gap-y-0.5 text-xs sm:grid-cols-[minmax(0,20rem)_1fr_4rem] ${step.kind === 'total' ? 'border-t border-slate-200 pt-1 font-semibold' : ''} ${step.kind === 'folded' ? 'text-slate-600' : ''}`}
            >
              <StepText step={step} />
              <span className="relative h-4 rounded bg-slate-50" aria-hidden="true">
                <span className="absolute inset-y-0 w-px bg-slate-400" style={{ left: `${at(0)}%` }} />
                <span className={`absolute inset-y-0.5 rounded-sm ${barColour(step.kind, step.weight)}`} style={{ left: `${left}%`, width: `${width}%` }} />
              </span>
              <span className="text-right font-mono tabular-nums">{formatWeight(step.weight)}</span>
            </li>
          );
        })}
        <li className="pt-1 text-right text-xs text-slate-600">
          axis {low} … {high} bits; the thin line is 0 (even odds)
        </li>
      </ol>
      <details className="rounded-md border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium text-blue-800">Show the numbers as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left" data-testid="waterfall-table">
            <caption className="sr-only">Match weight by step</caption>
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">Step</th>
                <th scope="col" className="py-1 pr-3 font-medium">Comparison level</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Weight (bits)</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Running total</th>
                <th scope="col" className="py-1 text-right font-medium">Probability so far</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step, index) => (
                <tr key={`${step.label}-row-${index}`} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-normal">{step.label}</th>
                  <td className="py-1 pr-3 break-words">
                    {step.level ?? '—'}
                    {step.note ? <span className="block text-xs text-slate-600">{step.note}</span> : null}
                  </td>
                  <td className="py-1 pr-3 text-right font-mono">{formatWeight(step.weight)}</td>
                  <td className="py-1 pr-3 text-right font-mono">{formatWeight(step.to)}</td>
                  <td className="py-1 text-right font-mono">{formatProbability(probabilityFromWeight(step.to))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
