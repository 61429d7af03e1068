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

export function ComparisonTable({ comparisons, customerName }: { comparisons: FieldComparison[]; customerName: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm" data-testid="comparison-table">
        <caption className="sr-only">Incoming record compared with {customerName}, field by field, as the matching engine compared them</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="w-[22%] px-3 py-2 font-medium">Field</th>
            <th scope="col" className="px-3 py-2 font-medium">Incoming</th>
            <th scope="col" className="px-3 py-2 font-medium">Existing customer</th>
            <th scope="col" className="w-[28%] px-3 py-2 font-medium">Comparison</th>
          </tr>
        </thead>
        <tbody>
          {comparisons.map((comparison) => (
            <tr key={comparison.key} className={`border-t border-slate-100 align-top ${ROW_STYLE[comparison.agreement]}`} data-agreement={comparison.agreement} data-field={comparison.key}>
              <th scope="row" className="px-3 py-2 font-medium break-words">{comparison.label}</th>
              <td className="px-3 py-2 break-words">
                <Value raw={comparison.incoming} normalized={comparison.normalized?.incoming} />
              </td>
              <td className="px-3 py-2 break-words">
                <Value raw={comparison.customer} normalized={comparison.normalized?.customer} />
              </td>
              <td className={`px-3 py-2 break-words ${comparison.agreement === 'differs' ? 'font-semibold text-amber-900' : 'text-slate-700'}`}>
                <span aria-hidden="true" className="mr-1 inline-block w-3 font-mono">{MARK[comparison.agreement]}</span>
                {comparison.text}
                {comparison.contradicts ? <span className="block text-xs font-semibold text-red-800">contradicts the match</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
