// The queue grouped by incoming record, so a record's candidates are decided side by side, and what a
// one-key decision takes off the screen (accepting one candidate closes the record's others).
import type { QueueItem, QueueSide } from './queue-item';

export interface QueueGroup {
  incomingId: number;
  incoming: QueueSide;
  /** Best first. */
  items: QueueItem[];
}

/** Groups in the order their first row comes in the page's sort; a group's candidates best first. */
export function groupByIncoming(items: readonly QueueItem[]): QueueGroup[] {
  const groups = new Map<number, QueueGroup>();
  for (const item of items) {
    const group = groups.get(item.incomingId) ?? { incomingId: item.incomingId, incoming: item.incoming, items: [] };
    if (!group.items.some((other) => other.resultId === item.resultId)) group.items.push(item);
    groups.set(item.incomingId, group);
  }
  return [...groups.values()].map((group) => ({ ...group, items: group.items.toSorted((a, b) => b.probability - a.probability || a.resultId - b.resultId) }));
}

export type QuickDecision = 'accept' | 'reject' | 'create_new';

/** The rows a decision closes: a reject only its own; accept and create new the whole record's. */
export function closedBy(decision: QuickDecision, item: QueueItem, items: readonly QueueItem[]): number[] {
  if (decision === 'reject') return [item.resultId];
  return items.filter((other) => other.incomingId === item.incomingId).map((other) => other.resultId);
}

/** Where the selection goes after `closed` leave: the next row that stays, else the one before. */
export function nextAfter(items: readonly QueueItem[], current: QueueItem, closed: readonly number[]): QueueItem | null {
  const index = items.findIndex((item) => item.resultId === current.resultId);
  const stays = (item: QueueItem) => !closed.includes(item.resultId);
  return items.slice(index + 1).find(stays) ?? items.slice(0, Math.max(index, 0)).reverse().find(stays) ?? null;
}

/** Case, spacing and punctuation aside (and a phone by its digits): is the candidate's value the incoming one? */
export function sameValue(kind: 'city' | 'email' | 'phone', incoming: string | null, candidate: string | null): boolean | null {
  if (!incoming || !candidate) return null;
  if (kind === 'phone') {
    const digits = (value: string) => value.replace(/\D/g, '').slice(-9);
    return digits(incoming).length >= 7 && digits(incoming) === digits(candidate);
  }
  const plain = (value: string) => value.toLowerCase().replace(/[\s.,\-()]+/g, '');
  return plain(incoming) === plain(candidate);
}
