'use client';
// The queue's keys: j/k move the selected row, Enter opens it, a/r/n decide it, u undoes the last decision.
import type { RefObject } from 'react';
import { useKeyShortcuts } from '@/components/ui/use-key-shortcuts';

export type QueueKeyCommand = 'next' | 'previous' | 'open' | 'accept' | 'reject' | 'create_new' | 'undo';

const KEYS: Record<string, QueueKeyCommand> = { j: 'next', k: 'previous', Enter: 'open', a: 'accept', r: 'reject', n: 'create_new', u: 'undo' };

export function useQueueKeys(onCommand: (command: QueueKeyCommand) => void, enabled: boolean, marker?: RefObject<HTMLElement | null>) {
  useKeyShortcuts(Object.fromEntries(Object.entries(KEYS).map(([key, command]) => [key, () => onCommand(command)])), enabled, marker);
}
