'use client';
// The review queue as a grid grouped by incoming record (its candidates together), sorted and paged on the
// server via the URL. Built for throughput: j/k move and keep the row in view, a/r/n decide at once (the
// rows leave before the server answers and come back if it refuses), the selection moves on, u undoes.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useOptimistic, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { quickDecisionAction, undoDecisionAction } from '@/app/review/actions';
import { closedBy, groupByIncoming, nextAfter, type QuickDecision } from '@/lib/ui/queue-groups';
import type { QueueItem } from '@/lib/ui/queue-item';
import { QueueRow } from './queue-row';
import { UndoToast, type QueueNotice } from './undo-toast';
import { useQueueKeys, type QueueKeyCommand } from './use-queue-keys';

export interface SortLink {
  href: string;
  /** Current direction when this column is the sort, else null. */
  direction: 'asc' | 'desc' | null;
}

type SortKey = 'band' | 'probability' | 'created';
const SORT_LABELS: Record<SortKey, string> = { band: 'Band', probability: 'Probability', created: 'Matched' };
const DOING: Record<QuickDecision, string> = { accept: 'Accepting', reject: 'Rejecting', create_new: 'Creating a new customer from' };

function SortNav({ sortLinks }: { sortLinks: Record<SortKey, SortLink> }) {
  return (
    <nav aria-label="Sort the queue" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-slate-600">Sort by</span>
      {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => {
        const { href, direction } = sortLinks[key];
        return (
          <Link key={key} href={href} aria-current={direction ? 'true' : undefined} className={`underline-offset-2 hover:underline ${direction ? 'font-semibold text-slate-900' : 'text-blue-800 underline'}`}>
            {SORT_LABELS[key]}
            <span aria-hidden="true"> {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}</span>
            {direction ? <span className="sr-only"> ({direction === 'asc' ? 'ascending' : 'descending'})</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}

export function QueueTable({ items, sortLinks }: { items: QueueItem[]; sortLinks: Record<SortKey, SortLink> }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const groups = useMemo(() => groupByIncoming(items), [items]);
  // Rows decided here leave at once; if the server refuses, the transition ends and they come back.
  const [hidden, hide] = useOptimistic<ReadonlySet<number>, number[]>(new Set(), (current, ids) => new Set([...current, ...ids]));
  const visible = useMemo(() => groups.flatMap((group) => group.items).filter((item) => !hidden.has(item.resultId)), [groups, hidden]);
  // The row's place is kept too: when the row leaves (someone else decided it), the selection stays where it was.
  const [selection, setSelection] = useState<{ id: number; index: number } | null>(null);
  const current = visible.find((item) => item.resultId === selection?.id) ?? visible[Math.min(selection?.index ?? 0, visible.length - 1)] ?? null;
  const setSelectedId = useCallback((id: number) => setSelection({ id, index: Math.max(0, visible.findIndex((item) => item.resultId === id)) }), [visible]);
  const [notice, setNotice] = useState<QueueNotice | null>(null);
  const [undoable, setUndoable] = useState<{ resultId: number; version: number } | null>(null);
  const rows = useRef(new Map<number, HTMLTableRowElement>());
  const grid = useRef<HTMLTableElement>(null);
  // Keys move the focus with the selection; a click or Tab into a row only selects.
  const focusFollows = useRef(false);

  useEffect(() => {
    // Not on load: the page opens at its top; once the keys are used the selected row stays in view.
    const row = current && focusFollows.current ? rows.current.get(current.resultId) : undefined;
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    const active = document.activeElement;
    if (active === null || active === document.body || grid.current?.contains(active)) row.focus({ preventScroll: true });
  }, [current]);

  const select = useCallback(
    (item: QueueItem | null | undefined) => {
      if (!item) return;
      focusFollows.current = true;
      setSelectedId(item.resultId);
    },
    [setSelectedId],
  );

  const decide = useCallback(
    (decision: QuickDecision) => {
      if (!current) return;
      const decided = current;
      const closed = closedBy(decision, decided, visible);
      select(nextAfter(visible, decided, closed));
      const pair = `${decided.incomingName} → ${decided.customerName}`;
      setNotice({ tone: 'pending', message: `${DOING[decision]} ${pair}…` });
      startTransition(async () => {
        hide(closed);
        const result = await quickDecisionAction({ resultId: decided.resultId, version: decided.version, decision });
        if (result.ok) {
          setUndoable({ resultId: decided.resultId, version: result.data.version });
          setNotice({ tone: 'done', message: `${result.data.message} ${pair}`, canUndo: true });
          router.refresh();
        } else {
          setNotice({ tone: 'error', message: `Match #${decided.resultId}: ${result.message}` });
        }
      });
    },
    [current, visible, hide, router, select],
  );

  const undo = useCallback(() => {
    if (!undoable) return;
    const { resultId, version } = undoable;
    setUndoable(null);
    setNotice({ tone: 'pending', message: `Reopening match #${resultId}…` });
    startTransition(async () => {
      const result = await undoDecisionAction({ resultId, version });
      if (result.ok) {
        focusFollows.current = true;
        setSelectedId(resultId);
        setNotice({ tone: 'done', message: result.data });
        router.refresh();
      } else {
        setNotice({ tone: 'error', message: `Undo did not work: ${result.message}` });
      }
    });
  }, [undoable, router, setSelectedId]);

  const onCommand = useCallback(
    (command: QueueKeyCommand) => {
      const index = current ? visible.indexOf(current) : -1;
      if (command === 'undo') undo();
      else if (!current) return;
      else if (command === 'next') select(visible[Math.min(index + 1, visible.length - 1)]);
      else if (command === 'previous') select(visible[Math.max(index - 1, 0)]);
      else if (command === 'open') router.push(`/review/${current.resultId}`);
      else decide(command);
    },
    [current, visible, undo, select, decide, router],
  );
  useQueueKeys(onCommand, items.length > 0, grid);

  // Arrow keys inside the grid, as in any grid; j/k work anywhere on the page.
  const onGridKey = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    onCommand(event.key === 'ArrowDown' ? 'next' : 'previous');
  };

  return (
    <div className="space-y-2">
      <SortNav sortLinks={sortLinks} />
      <UndoToast notice={notice} onUndo={undo} onDismiss={() => setNotice(null)} />
      <div className="rounded-md border border-slate-200 bg-white">
        <table ref={grid} role="grid" aria-label="Matches to review, grouped by incoming record" aria-describedby="queue-keys" className="w-full table-fixed text-left text-sm" data-testid="queue-table" onKeyDown={onGridKey}>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="hidden w-[24%] px-3 py-2 font-medium sm:table-cell">Incoming record</th>
              <th scope="col" className="w-24 px-2 py-2 font-medium sm:px-3">Band</th>
              <th scope="col" className="px-2 py-2 font-medium sm:px-3">Candidate customer</th>
              <th scope="col" className="hidden w-[32%] px-3 py-2 font-medium sm:table-cell">Strongest evidence for, and against</th>
            </tr>
          </thead>
          {groups.map((group) => {
            const shown = group.items.filter((item) => !hidden.has(item.resultId));
            if (shown.length === 0) return null;
            return (
              <tbody key={group.incomingId}>
                {shown.map((item, index) => (
                  <QueueRow
                    key={item.resultId}
                    item={item}
                    group={index === 0 ? { ...group, items: shown } : undefined}
                    selected={item.resultId === current?.resultId}
                    onSelect={() => setSelectedId(item.resultId)}
                    rowRef={(row) => {
                      if (row) rows.current.set(item.resultId, row);
                      else rows.current.delete(item.resultId);
                    }}
                  />
                ))}
              </tbody>
            );
          })}
        </table>
        {visible.length === 0 ? <p className="p-4 text-sm text-slate-700">Every match on this page is decided. Loading the next ones…</p> : null}
      </div>
    </div>
  );
}
