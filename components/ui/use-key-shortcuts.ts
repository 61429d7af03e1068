'use client';
// Single-key shortcuts for the steward's pages: never while typing, with a modifier, or with a dialog open.
import { useEffect, useRef, type RefObject } from 'react';

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** A field that takes typed text has focus (a ticked checkbox does not count: the keys still work after it). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * `keys` maps event.key to its command; the latest map is used without re-subscribing on every render.
 * `marker` gets data-keys="on" while the keys are listened to (not before hydration), for tests and tools.
 */
export function useKeyShortcuts(keys: Record<string, (event: KeyboardEvent) => void>, enabled = true, marker?: RefObject<HTMLElement | null>) {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      // Enter or space on a focused link, button or disclosure keeps its own meaning.
      if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof HTMLElement && event.target.closest('a,button,summary')) return;
      const command = latest.current[event.key];
      if (!command) return;
      event.preventDefault();
      command(event);
    };
    document.addEventListener('keydown', listener);
    const element = marker?.current;
    element?.setAttribute('data-keys', 'on');
    return () => {
      document.removeEventListener('keydown', listener);
      element?.setAttribute('data-keys', 'off');
    };
  }, [enabled, marker]);
}
