'use client';
// "Save & next" on the match page, remembered in this browser: a steward working through the queue sets it once.
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'customer-matching.save-and-next';
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const read = () => window.localStorage.getItem(KEY) === 'on';

export function useSaveAndNext(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((value: boolean) => {
    window.localStorage.setItem(KEY, value ? 'on' : 'off');
    listeners.forEach((listener) => listener());
  }, []);
  return [on, set];
}
