import { describe, expect, it } from 'vitest';
import { planUndo, type Resolution } from './resolution-record';

const base: Resolution = { decision: 'accept', match_id: 3, customer_id: 42, previous_state: 'matched', closed_match_ids: [3, 4], by: 'dana', at: '2026-12-01T10:00:00Z', notes: null };

describe('planUndo', () => {
  it('accept: removes the link and reopens the closed candidates, the customer untouched', () => {
    const plan = planUndo({ resolution: base });
    expect(plan).toMatchObject({ reopenMatchIds: [3, 4], restore: {}, deleteCustomerId: null, blockers: [] });
    expect(plan.effects.join(' ')).toMatch(/link to customer #42 is removed.*2 candidates go back/);
  });

  it('merge: restores fields still holding the merged value, keeps fields changed since', () => {
    const merge: Resolution = { ...base, decision: 'merge', merged: { city: { before: 'Houston', after: 'Dallas' }, phone: { before: null, after: '+15550100' } } };
    const plan = planUndo({ resolution: merge, currentValues: { city: 'Dallas', phone: '+15550199' } });
    expect(plan.restore).toEqual({ city: 'Houston' });
    expect(plan.keep).toEqual(['phone']);
    expect(plan.effects.join(' ')).toMatch(/gets back its values before the merge for city.*left as they are: phone/);
  });

  it('create new: deletes the created customer, unless another record is linked to it', () => {
    const created: Resolution = { ...base, decision: 'create_new', match_id: null, customer_id: 99, closed_match_ids: [] };
    expect(planUndo({ resolution: created })).toMatchObject({ deleteCustomerId: 99, blockers: [] });
    expect(planUndo({ resolution: created }).effects[0]).toBe('Customer #99, created from this record, is deleted.');
    const blocked = planUndo({ resolution: created, otherLinkedRecords: [12] });
    expect(blocked).toMatchObject({ deleteCustomerId: null, blockers: [expect.stringMatching(/#99.*incoming #12; change those decisions first/)] });
    expect(planUndo({ resolution: created, createdCustomerExists: false })).toMatchObject({ deleteCustomerId: null, blockers: [] });
  });

  it('dismiss: only reopens; with no candidate the record waits as no match', () => {
    const plan = planUndo({ resolution: { ...base, decision: 'dismiss', customer_id: null, closed_match_ids: [] } });
    expect(plan.effects).toEqual(['The record is open again: the record goes back to the review queue as "no match: decide".']);
  });
});
