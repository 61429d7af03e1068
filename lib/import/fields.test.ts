import { describe, expect, it } from 'vitest';
import { parseIdentifiersCell, toSchemaFields, validateRow } from './fields';
import { contentFingerprint, derivedSourceId } from './fingerprint';

describe('toSchemaFields', () => {
  it('matches names case-insensitively with the seed aliases, makes empty cells null and leaves unknown columns out', () => {
    expect(toSchemaFields({ Company_Name: 'Acme', State_Province: 'NY', annual_revenue: '', notes: 'x', identifiers: 'VAT:DE123:DE; LEI:5299' })).toEqual({
      company_name: 'Acme',
      state: 'NY',
      revenue: null,
      identifiers: [
        { type: 'VAT', value: 'DE123', country: 'DE' },
        { type: 'LEI', value: '5299', country: null },
      ],
    });
  });

  it('reads an identifiers cell written as JSON', () => {
    expect(parseIdentifiersCell('[{"type":"DUNS","value":"15-048-3782"}]')).toEqual([{ type: 'DUNS', value: '15-048-3782' }]);
  });
});

describe('validateRow', () => {
  it('gives the row the import source system unless it names its own', () => {
    const own = validateRow({ company_name: 'Acme', source_system: 'crm', source_id: '7' }, 'import');
    const given = validateRow({ company_name: 'Acme', revenue: '1,250,000.50' }, 'partner-feed');
    expect(own).toMatchObject({ ok: true, input: { sourceSystem: 'crm', sourceId: '7' } });
    expect(given).toMatchObject({ ok: true, input: { sourceSystem: 'partner-feed', sourceId: null, revenue: 1250000.5 } });
  });

  it('names every bad field with the schema message', () => {
    const outcome = validateRow({ company_name: '', email: 'not-an-email', employee_count: '12.5' }, 'import');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems).toEqual([
      { field: 'company_name', reason: 'is required and must be text' },
      { field: 'email', reason: 'must be a valid email address' },
      { field: 'employee_count', reason: 'must be a whole number' },
    ]);
  });
});

describe('contentFingerprint', () => {
  const parse = (record: Record<string, unknown>) => {
    const outcome = validateRow(record, 'import');
    if (!outcome.ok) throw new Error('invalid');
    return outcome.input;
  };

  it('is the same however the row was spelled, and as the stored row (revenue at cents, identifier key order)', () => {
    const fromCsv = parse({ company_name: ' Acme ', revenue: '1,000.004', identifiers: 'VAT:DE1' });
    const fromJson = parse({ company_name: 'Acme', annual_revenue: 1000, identifiers: [{ value: 'DE1', type: 'VAT' }] });
    const stored = { companyName: 'Acme', revenue: 1000, identifiers: [{ value: 'DE1', type: 'VAT', country: null }] };
    expect(contentFingerprint(fromCsv)).toBe(contentFingerprint(fromJson));
    expect(contentFingerprint(stored)).toBe(contentFingerprint(fromJson));
  });

  it('changes with any business field but not with the source key', () => {
    const base = parse({ company_name: 'Acme', city: 'Oslo' });
    expect(contentFingerprint({ ...base, city: 'Bergen' })).not.toBe(contentFingerprint(base));
    const elsewhere = { ...base, sourceSystem: 'other', sourceId: 'other' };
    expect(contentFingerprint(elsewhere)).toBe(contentFingerprint(base));
    expect(derivedSourceId(contentFingerprint(base))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
