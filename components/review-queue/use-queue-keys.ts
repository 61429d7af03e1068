'use client';
// j/k move the selected row, Enter opens it, a/r/n decide it — never while typing or with a dialog open.
import { useEffect } from 'react';

export type QueueKeyCommand = 'next' | 'previous' | 'open' | 'accept' | 'reject' | 'create_new';

const KEYS: Record<string, QueueKeyCommand> = { j: 'next', k: 'previous', Enter: 'open', a: 'accept', r: 'reject', n: 'create_new' };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useQueueKeys(onCommand: (command: QueueKeyCommand) => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      // Enter on a focused link, button or disclosure (the Download menu) keeps its own meaning.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('a,button,summary')) return;
      const command = KEYS[event.key];
      if (!command) return;
      event.preventDefault();
      onCommand(command);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [onCommand, enabled]);
}
