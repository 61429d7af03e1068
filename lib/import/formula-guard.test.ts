import { describe, expect, it } from 'vitest';
import { csvChunk, EXPORT_COLUMNS } from '@/lib/services/export-rows';
import { csvRows } from './csv-rows';
import { withoutFormulaGuard } from './formula-guard';

async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}

describe('formula guard round trip (export CSV → import)', () => {
  it.each([
    ["'+1 212 555 0100", '+1 212 555 0100'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'-x", '-x'],
    ["'@home", '@home'],
    ["'\tx", '\tx'],
    ["'\uFF20x", '\uFF20x'],
    ["'quoted", "'quoted"],
    ['plain', 'plain'],
    ["O'Brien", "O'Brien"],
  ])('withoutFormulaGuard(%j) = %j', (cell, expected) => {
    expect(withoutFormulaGuard(cell)).toBe(expected);
  });

  it('reads back exactly what the customers export wrote', async () => {
    const customer = {
      company_name: '=Acme Corp', contact_name: '@Jane', email: 'jane@acme.example', phone: '+1 212 555 0100',
      address_line1: '-1 Main St', address_line2: null, city: 'New York', state: 'NY', postal_code: '10001', country: 'US',
      industry: '+plus', revenue: -5, employee_count: 12, website: 'acme.example', description: 'plain text',
      source_system: 'crm', source_id: 'c-1',
    };
    const columns = EXPORT_COLUMNS.customers;
    const text = csvChunk(columns, [customer], true);
    expect(text).toContain("'+1 212 555 0100");
    const rows = [];
    for await (const row of csvRows(once(text))) rows.push(row.record);
    expect(rows).toHaveLength(1);
    for (const column of columns) {
      const value = customer[column as keyof typeof customer];
      expect((rows[0] as Record<string, unknown>)[column]).toBe(value === null ? '' : String(value));
    }
  });
});
