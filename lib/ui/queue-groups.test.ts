import { describe, expect, it } from 'vitest';
import { closedBy, groupByIncoming, nextAfter, sameValue } from './queue-groups';
import type { QueueItem } from './queue-item';

const side = (name: string) => ({ name, city: null, country: null, email: null, phone: null });

function item(resultId: number, incomingId: number, probability: number): QueueItem {
  return {
    resultId, incomingId, incomingName: `In ${incomingId}`, customerId: resultId, customerName: `Cu ${resultId}`, incoming: side(`In ${incomingId}`), customer: side(`Cu ${resultId}`),
    band: 'high', probability, createdAt: '2025-01-01T00:00:00.000Z', reviewed: false, decision: null, version: 1, reasonFor: null, reasonAgainst: null,
  };
}

describe('groupByIncoming', () => {
  it('keeps the page order of records and puts each record\'s candidates together, best first, once each', () => {
    const items = [item(1, 10, 0.5), item(2, 20, 0.9), item(3, 10, 0.8), item(1, 10, 0.5)];
    expect(groupByIncoming(items).map((group) => [group.incomingId, group.items.map((one) => one.resultId)])).toEqual([
      [10, [3, 1]],
      [20, [2]],
    ]);
  });
});

describe('a one-key decision', () => {
  const items = [item(1, 10, 0.9), item(2, 10, 0.8), item(3, 20, 0.7), item(4, 30, 0.6)];
  it('closes one row on reject and the whole record on accept or create new', () => {
    expect(closedBy('reject', items[0], items)).toEqual([1]);
    expect(closedBy('accept', items[0], items)).toEqual([1, 2]);
    expect(closedBy('create_new', items[1], items)).toEqual([1, 2]);
  });
  it('moves the selection to the next row that stays, or back at the end of the list', () => {
    expect(nextAfter(items, items[0], [1])?.resultId).toBe(2);
    expect(nextAfter(items, items[0], [1, 2])?.resultId).toBe(3);
    expect(nextAfter(items, items[3], [4])?.resultId).toBe(3);
    expect(nextAfter([items[0]], items[0], [1])).toBeNull();
  });
});

describe('sameValue', () => {
  it('compares as a reader would: case and punctuation aside, a phone by its digits', () => {
    expect(sameValue('city', 'New York', 'new york')).toBe(true);
    expect(sameValue('email', 'A@x.com', 'a@x.com')).toBe(true);
    expect(sameValue('phone', '+1 (555) 010-1234', '555-010-1234')).toBe(true);
    expect(sameValue('phone', '+1 555 010 1234', '+1 555 010 9999')).toBe(false);
    expect(sameValue('city', null, 'Boston')).toBeNull();
  });
});
