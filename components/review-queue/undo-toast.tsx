'use client';
// The queue's announcements: a polite live region that says what a decision did, shown as a toast with
// Undo (key u) until the next decision or until dismissed; failures are said as alerts.
import { Button } from '@/components/ui/button';

export interface QueueNotice {
  tone: 'done' | 'error' | 'pending';
  message: string;
  /** Present while the last decision can be undone. */
  canUndo?: boolean;
}

export function UndoToast({ notice, onUndo, onDismiss }: { notice: QueueNotice | null; onUndo: () => void; onDismiss: () => void }) {
  return (
    // Always in the page, so screen readers announce each new message; empty, it takes no space.
    <div role="status" aria-live="polite" data-testid="queue-status" className="pointer-events-none fixed inset-x-2 bottom-3 z-20 flex justify-center sm:inset-x-auto sm:right-4">
      {notice ? (
        <div
          className={`pointer-events-auto flex max-w-md flex-wrap items-center gap-2 rounded-md border px-3 py-2 text-sm shadow-lg ${notice.tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-slate-300 bg-white text-slate-900'}`}
          data-testid="queue-toast"
        >
          <span role={notice.tone === 'error' ? 'alert' : undefined}>{notice.message}</span>
          {notice.canUndo ? (
            <Button variant="secondary" className="px-2 py-1" onClick={onUndo} aria-keyshortcuts="u" data-testid="queue-undo">
              Undo <kbd aria-hidden="true" className="rounded border border-slate-300 px-1 font-mono text-xs">u</kbd>
            </Button>
          ) : null}
          {notice.tone !== 'pending' ? (
            <Button variant="ghost" className="px-2 py-1" onClick={onDismiss} aria-label="Dismiss this message">
              ×
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
