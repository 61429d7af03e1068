// Incoming vs candidate as the engine compared them: values as entered, as compared (when normalising
// changed them), and the comparison in words — the same words as the waterfall below.
import { type FieldAgreement, type FieldComparison } from '@/lib/ui/record-comparison';

const ROW_STYLE: Record<FieldAgreement, string> = {
  same: '',
  close: 'bg-sky-50',
  differs: 'bg-amber-50',
  only_incoming: 'bg-blue-50',
  only_customer: '',
  both_empty: 'text-slate-400',
};

const MARK: Record<FieldAgreement, string> = { same: '=', close: '≈', differs: '≠', only_incoming: '+', only_customer: '−', both_empty: '' };

function Value({ raw, normalized }: { raw: string | null; normalized: string | null | undefined }) {
  return (
    <>
      {raw ?? <span className="text-slate-500">—</span>}
      {normalized !== undefined && normalized !== null && normalized !== raw ? (
        <span className="block text-xs text-slate-600">
          compared as <span className="font-mono">{normalized}</span>
        </span>
      ) : null}
    </>
  );
}

function Verdict({ comparison }: { comparison: FieldComparison }) {
  return (
    <span className={`text-sm ${comparison.agreement === 'differs' ? 'font-semibold text-amber-900' : 'font-normal text-slate-700'}`}>
      <span aria-hidden="true" className="mr-1 inline-block w-3 font-mono">{MARK[comparison.agreement]}</span>
      {comparison.text}
      {comparison.contradicts ? <span className="block text-xs font-semibold text-red-800">contradicts the match</span> : null}
    </span>
  );
}

export function ComparisonTable({ comparisons, customerName }: { comparisons: FieldComparison[]; customerName: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm" data-testid="comparison-table">
        <caption className="sr-only">Incoming record compared with {customerName}, field by field, as the matching engine compared them</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="w-[30%] px-2 py-2 font-medium sm:w-[22%] sm:px-3">Field</th>
            <th scope="col" className="px-2 py-2 font-medium sm:px-3">Incoming</th>
            <th scope="col" className="px-2 py-2 font-medium sm:px-3">Existing customer</th>
            <th scope="col" className="hidden w-[28%] px-3 py-2 font-medium sm:table-cell">Comparison</th>
          </tr>
        </thead>
        <tbody>
          {comparisons.map((comparison) => (
            <tr key={comparison.key} className={`border-t border-slate-100 align-top ${ROW_STYLE[comparison.agreement]}`} data-agreement={comparison.agreement} data-field={comparison.key}>
              <th scope="row" className="px-2 py-2 font-medium break-words sm:px-3">
                {comparison.label}
                {/* On a phone the comparison column is folded under the field's name, so three columns fit 390 px. */}
                <span className="block sm:hidden">
                  <Verdict comparison={comparison} />
                </span>
              </th>
              <td className="px-2 py-2 break-words sm:px-3">
                <Value raw={comparison.incoming} normalized={comparison.normalized?.incoming} />
              </td>
              <td className="px-2 py-2 break-words sm:px-3">
                <Value raw={comparison.customer} normalized={comparison.normalized?.customer} />
              </td>
              <td className="hidden px-3 py-2 break-words sm:table-cell">
                <Verdict comparison={comparison} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
