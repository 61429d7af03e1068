// The queue's keyboard shortcuts, always visible; the table points here with aria-describedby.
const SHORTCUTS: Array<[string, string]> = [
  ['j', 'next row'],
  ['k', 'previous row'],
  ['Enter', 'open'],
  ['a', 'accept'],
  ['r', 'reject'],
  ['n', 'create new customer'],
  ['u', 'undo the last decision'],
];

export function ShortcutLegend() {
  return (
    <div id="queue-keys" className="hidden flex-wrap items-center sm:flex gap-x-3 gap-y-1 text-xs text-slate-700" aria-keyshortcuts="j k Enter a r n u">
      <span className="font-medium">Keyboard:</span>
      {SHORTCUTS.map(([key, action]) => (
        <span key={key}>
          <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono">{key}</kbd> {action}
        </span>
      ))}
      <span className="text-slate-500">(not while typing in a field)</span>
    </div>
  );
}
