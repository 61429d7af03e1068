import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadLabelledCsv, loadLabelledCsvDedupe } from './labelled-csv';

function writeFiles(customersCsv: string, incomingCsv: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'labelled-csv-'));
  const customersPath = path.join(dir, 'base.csv');
  const incomingPath = path.join(dir, 'new.csv');
  writeFileSync(customersPath, customersCsv);
  writeFileSync(incomingPath, incomingCsv);
  return { customersPath, incomingPath };
}

const CUSTOMERS = [
  'company_name,contact_name,email,phone,city,state_province,postal_code,country,annual_revenue,employee_count,entity_id',
  'Acme Corporation,John Smith,john@acme.com,+1 555 0100,Springfield,IL,62701,US,"1,250,000",40,E1',
  'Globex Ltd,,,,London,,EC1A 1BB,GB,,,E2',
  'Initech LLC,,,,,,,,,,',
].join('\n');

describe('loadLabelledCsv', () => {
  test('maps seed columns and aliases, numbers ids by row, pairs by entity_id', async () => {
    const paths = writeFiles(
      CUSTOMERS,
      ['company_name,email,entity_id,extra', 'ACME Corp.,john@acme.com,E1,x', 'Umbrella,,E9,', 'Globex,,E2,'].join('\n'),
    );
    const dataset = await loadLabelledCsv(paths);
    expect(dataset.mode).toBe('link');
    expect(dataset.customers.map((record) => record.id)).toEqual(['c1', 'c2', 'c3']);
    expect(dataset.incoming.map((record) => record.id)).toEqual(['i1', 'i2', 'i3']);
    expect(dataset.customers[0]).toMatchObject({
      companyName: 'Acme Corporation',
      contactName: 'John Smith',
      state: 'IL',
      revenue: 1_250_000,
      employeeCount: 40,
      addressLine1: null,
    });
    expect(dataset.customers[1]).toMatchObject({ contactName: null, revenue: null, employeeCount: null });
    expect(dataset.truePairs).toEqual([
      ['i1', 'c1'],
      ['i3', 'c2'],
    ]);
    expect(dataset.notes.join('\n')).toMatch(/ignored columns extra/);
  });

  test('uses an id column when present', async () => {
    const paths = writeFiles('id,company_name,entity_id\nC-7,Acme,E1\n', 'id,company_name,entity_id\nN-1,Acme Inc,E1\n');
    const dataset = await loadLabelledCsv(paths);
    expect(dataset.truePairs).toEqual([['N-1', 'C-7']]);
  });

  test.each([
    ['revenue', 'company_name,revenue,entity_id\nAcme,12,E1\nBeta,lots,E2\n', /base\.csv row 2: revenue: "lots" is not a number/],
    ['employee_count', 'company_name,employee_count,entity_id\nAcme,12.5,E1\n', /base\.csv row 1: employee_count: 12\.5 is not a whole number/],
    ['duplicate id', 'id,company_name,entity_id\nA,Acme,E1\nA,Beta,E2\n', /base\.csv row 2: id "A" appears twice/],
  ])('refuses a bad %s naming file and row', async (_label, customersCsv, message) => {
    const paths = writeFiles(customersCsv, 'company_name,entity_id\nAcme,E1\n');
    await expect(loadLabelledCsv(paths)).rejects.toThrow(message);
  });

  test('refuses files without entity_id', async () => {
    const paths = writeFiles('company_name\nAcme\n', 'company_name,entity_id\nAcme,E1\n');
    await expect(loadLabelledCsv(paths)).rejects.toThrow(/base\.csv: no entity_id column/);
  });
});

describe('loadLabelledCsvDedupe', () => {
  test('one file: every record against all others, true pairs within an entity_id, unordered', async () => {
    const { customersPath } = writeFiles(
      ['company_name,contact_name,city,entity_id,notes', 'Acme Corporation,,Springfield,E1,', 'Globex Ltd,,London,E2,x', 'ACME Corp.,,Springfield,E1,', 'Initech,,,,', 'Acme Corp,,Springfield,E1,'].join('\n'),
      '',
    );
    const dataset = await loadLabelledCsvDedupe(customersPath);
    expect(dataset.mode).toBe('dedupe');
    expect(dataset.customers.map((record) => record.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(dataset.incoming).toEqual(dataset.customers);
    // Three rows of E1 are three pairs; E2 alone and the blank entity_id have none.
    expect(dataset.truePairs).toEqual([
      ['r1', 'r3'],
      ['r1', 'r5'],
      ['r3', 'r5'],
    ]);
    expect(dataset.notes.join('\n')).toMatch(/ignored columns notes/);
  });

  test('orders pairs of id-column ids the way dedupe evaluation looks them up', async () => {
    const { customersPath } = writeFiles('id,company_name,entity_id\nZ-9,Acme,E1\nA-1,Acme Inc,E1\n', '');
    expect((await loadLabelledCsvDedupe(customersPath)).truePairs).toEqual([['A-1', 'Z-9']]);
  });

  test('refuses a file without entity_id, naming it', async () => {
    const { customersPath } = writeFiles('company_name\nAcme\n', '');
    await expect(loadLabelledCsvDedupe(customersPath)).rejects.toThrow(/base\.csv: no entity_id column/);
  });
});
