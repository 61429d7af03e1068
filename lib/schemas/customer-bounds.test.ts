// The customer schemas against every field's boundary values (lib/schemas/boundary-cases.test-helpers.ts):
// create and PATCH accept the values a column holds and refuse the rest, naming the field.
import { describe, expect, it } from 'vitest';
import { boundaryFields, recordJson } from './boundary-cases.test-helpers';
import { customerInputSchema, customerPatchSchema } from './customer';

const FIELDS = boundaryFields('unit');
const REFUSED = FIELDS.flatMap(({ field, refused }) => refused.map((value) => [field, value.label, value] as const));
/** A customer's source key is set when it is created and never PATCHed. */
const PATCHABLE = (field: string) => field !== 'source_id' && field !== 'source_system';
const ACCEPTED = FIELDS.flatMap(({ field, accepted }) => accepted.map((value) => [field, value.label, value] as const));

describe('customer schemas at the column bounds', () => {
  it.each(REFUSED)('refuse %s: %s', (field, _label, value) => {
    const created = customerInputSchema.safeParse(JSON.parse(recordJson(field, value, 'unit-1')));
    expect(created.success).toBe(false);
    expect(created.error!.issues.map((issue) => issue.path[0])).toContain(field);
    if (!PATCHABLE(field)) return;
    const patched = customerPatchSchema.safeParse({ [field]: JSON.parse(value.json) });
    expect(patched.success).toBe(false);
    expect(patched.error!.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it.each(ACCEPTED)('accept %s: %s', (field, _label, value) => {
    expect(customerInputSchema.safeParse(JSON.parse(recordJson(field, value, 'unit-1'))).error?.issues ?? []).toEqual([]);
    if (PATCHABLE(field)) expect(customerPatchSchema.safeParse({ [field]: JSON.parse(value.json) }).error?.issues ?? []).toEqual([]);
  });

  it('reads negative zero as zero, so -0 is never stored or answered', () => {
    const parsed = customerInputSchema.parse({ company_name: 'A', employee_count: -0, revenue: '-0' });
    expect(Object.is(parsed.employeeCount, 0)).toBe(true);
    expect(Object.is(parsed.revenue, 0)).toBe(true);
  });

  it('counts characters as the database does: an astral character is one, not two UTF-16 units', () => {
    expect(customerInputSchema.safeParse({ company_name: '😀'.repeat(300) }).success).toBe(true);
    expect(customerInputSchema.safeParse({ company_name: '😀'.repeat(301) }).success).toBe(false);
  });
});
