// Incoming vs candidate, field by field; each row says in words whether the values agree.
import { fieldLabel } from '@/lib/ui/format';
import { AGREEMENT_TEXT, type FieldAgreement, type FieldComparison } from '@/lib/ui/record-comparison';

const ROW_STYLE: Record<FieldAgreement, string> = {
  same: '',
  differs: 'bg-amber-50',
  only_incoming: 'bg-blue-50',
  only_customer: '',
  both_empty: 'text-slate-400',
};

const MARK: Record<FieldAgreement, string> = { same: '=', differs: '≠', only_incoming: '+', only_customer: '−', both_empty: '' };

export function ComparisonTable({ comparisons, customerName }: { comparisons: FieldComparison[]; customerName: string }) {
  const shown = comparisons.filter((comparison) => comparison.agreement !== 'both_empty');
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm" data-testid="comparison-table">
        <caption className="sr-only">Incoming record compared with {customerName}, field by field</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Field</th>
            <th scope="col" className="px-3 py-2 font-medium">Incoming</th>
            <th scope="col" className="px-3 py-2 font-medium">Existing customer</th>
            <th scope="col" className="px-3 py-2 font-medium">Comparison</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((comparison) => (
            <tr key={comparison.field} className={`border-t border-slate-100 align-top ${ROW_STYLE[comparison.agreement]}`} data-agreement={comparison.agreement}>
              <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">{fieldLabel(comparison.field)}</th>
              <td className="px-3 py-2 break-words">{comparison.incoming ?? <span className="text-slate-500">—</span>}</td>
              <td className="px-3 py-2 break-words">{comparison.customer ?? <span className="text-slate-500">—</span>}</td>
              <td className={`px-3 py-2 whitespace-nowrap ${comparison.agreement === 'differs' ? 'font-semibold text-amber-900' : 'text-slate-700'}`}>
                <span aria-hidden="true" className="mr-1 inline-block w-3 font-mono">{MARK[comparison.agreement]}</span>
                {AGREEMENT_TEXT[comparison.agreement]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
