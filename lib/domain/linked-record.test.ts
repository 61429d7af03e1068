import { describe, expect, it } from 'vitest';
import { toLinkedRecord, type LinkedRecordSource } from './linked-record';

const row = (over: Partial<LinkedRecordSource>): LinkedRecordSource => ({
  id: 7, sourceSystem: 'crm', sourceId: 'C-1', companyName: 'Fabrikam', contactName: null, city: null, country: null,
  processingStatus: 'linked', resolution: null, resolvedAt: new Date('2026-01-02T03:04:05Z'), ...over,
});

const resolution = (over: Record<string, unknown>) => ({
  decision: 'accept', match_id: 41, customer_id: 3, previous_state: 'matched', closed_match_ids: [41], by: 'ana', at: '2026-02-03T04:05:06.000Z', notes: null, ...over,
});

describe('toLinkedRecord', () => {
  it('reads who decided, when, and points an accept or merge at its match page', () => {
    expect(toLinkedRecord(row({ resolution: resolution({ decision: 'merge' }) }))).toMatchObject({
      decision: 'merge', decidedBy: 'ana', decidedAt: new Date('2026-02-03T04:05:06Z'), matchId: 41, reviewPath: '/review/41',
    });
  });

  it('points a customer created from a candidate page at the record page, where the decision is about the record', () => {
    expect(toLinkedRecord(row({ processingStatus: 'created', resolution: resolution({ decision: 'create_new' }) }))).toMatchObject({ decision: 'create_new', reviewPath: '/review/incoming/7' });
  });

  it('falls back on the state and resolved_at for a record resolved before decisions were recorded, and hides an unknown decider', () => {
    expect(toLinkedRecord(row({ resolution: null }))).toMatchObject({ decision: 'accept', decidedBy: null, decidedAt: new Date('2026-01-02T03:04:05Z'), matchId: null, reviewPath: '/review/incoming/7' });
    expect(toLinkedRecord(row({ processingStatus: 'created', resolution: null })).decision).toBe('create_new');
    expect(toLinkedRecord(row({ resolution: resolution({ by: 'unknown', legacy: true }) })).decidedBy).toBeNull();
  });
});
