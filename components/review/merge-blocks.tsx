'use client';
// Merge by block: tick the blocks to take from the incoming record and see the customer as it will be
// written, before anything is saved. The preview uses the same merge function as the service.
import { useState } from 'react';
import { MERGE_BLOCK_LABELS, MERGE_BLOCKS, MERGE_FIELD_API_NAMES, mergePatch, type BlockChoice, type MergeBlock, type MergeRecord } from '@/lib/domain/merge';
import { fieldLabel } from '@/lib/ui/format';
import { SubmitButton } from '@/components/ui/submit-button';

function blockText(record: MergeRecord, block: MergeBlock): string {
  return MERGE_BLOCKS[block].map((field) => record[field]).filter((value) => value !== null && value !== undefined && String(value).trim() !== '').join(', ');
}

export function MergeBlocks({ customer, incoming, choices }: { customer: MergeRecord; incoming: MergeRecord; choices: BlockChoice[] }) {
  const [chosen, setChosen] = useState<MergeBlock[]>(choices.filter((choice) => choice.preselected).map((choice) => choice.block));
  const patch = mergePatch(customer, incoming, chosen);
  const changed = Object.keys(patch) as Array<keyof typeof patch>;
  const toggle = (block: MergeBlock, on: boolean) => setChosen((current) => (on ? [...current, block] : current.filter((item) => item !== block)));
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="merge-blocks">
      <legend className="px-1 text-sm font-medium text-slate-800">Merge: blocks to take from the incoming record</legend>
      <p className="text-xs text-slate-600">An address or a contact moves as a whole, so two addresses are never mixed.</p>
      {/* Sent even when nothing is ticked, so an empty choice means "take nothing", not "the default". */}
      <input type="hidden" name="merge_fields" value="" />
      {choices.length === 0 ? (
        <p className="text-sm text-slate-600">The incoming record adds nothing the customer does not already have.</p>
      ) : (
        <ul className="space-y-2">
          {choices.map(({ block }) => {
            const current = blockText(customer, block);
            return (
              <li key={block} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  id={`merge-${block}`}
                  name="merge_fields"
                  value={block}
                  checked={chosen.includes(block)}
                  onChange={(event) => toggle(block, event.target.checked)}
                  className="mt-1 size-4 shrink-0"
                />
                <label htmlFor={`merge-${block}`} className="min-w-0 break-words">
                  <span className="font-medium">{MERGE_BLOCK_LABELS[block]}</span>: {blockText(incoming, block)}
                  <span className="block text-slate-600">{current ? `replaces “${current}”` : 'the customer has none'}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <div aria-live="polite" data-testid="merge-preview">
        <p className="text-sm font-medium text-slate-800">The customer after this merge</p>
        {changed.length === 0 ? (
          <p className="text-sm text-slate-600">Unchanged: nothing is ticked that differs.</p>
        ) : (
          <table className="mt-1 w-full table-fixed text-left text-xs">
            <caption className="sr-only">Fields the merge writes, before and after</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="w-1/4 py-1 pr-2 font-medium">Field</th>
                <th scope="col" className="py-1 pr-2 font-medium">Now</th>
                <th scope="col" className="py-1 font-medium">After merge</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((field) => (
                <tr key={field} className="border-t border-slate-100 align-top" data-field={MERGE_FIELD_API_NAMES[field]}>
                  <th scope="row" className="py-1 pr-2 font-normal break-words">{fieldLabel(MERGE_FIELD_API_NAMES[field])}</th>
                  <td className="py-1 pr-2 break-words text-slate-600">{customer[field] ?? '—'}</td>
                  <td className="py-1 font-medium break-words">{patch[field] ?? <span className="text-slate-500">(empty)</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {changed.length > 0 ? (
        <SubmitButton name="decision" value="merge" variant="secondary" pendingLabel="Merging…">
          Merge and link
        </SubmitButton>
      ) : null}
    </fieldset>
  );
}
