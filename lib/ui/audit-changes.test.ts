import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-changes';

describe('auditChanges', () => {
  it('lists changed fields with both values and drops unchanged ones', () => {
    expect(auditChanges({ city: 'Seattle', country: 'US' }, { city: 'Boston', country: 'US' })).toEqual([{ field: 'city', before: 'Seattle', after: 'Boston' }]);
  });

  it('shows fields set for the first time, cleared, and nested values as JSON', () => {
    expect(auditChanges(null, { company_name: 'Contoso', provenance: { match_id: 4 } })).toEqual([
      { field: 'company_name', before: null, after: 'Contoso' },
      { field: 'provenance', before: null, after: '{"match_id":4}' },
    ]);
    expect(auditChanges({ phone: '555' }, { phone: '' })).toEqual([{ field: 'phone', before: '555', after: null }]);
  });

  it('gives nothing for an erased event or a non-object snapshot', () => {
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges([1, 2], 'text')).toEqual([]);
  });
});
