// The bounds the schemas validate with (lib/schemas/column-limits.ts) are the columns the migrations made:
// read back from information_schema on both databases, so a migration that changes a type fails here.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_COLUMN_LENGTHS, MONEY_NUMERIC, REVIEW_COLUMN_LENGTHS, TEXT_COLUMN_LENGTHS } from '../schemas/column-limits';
import type { DatabaseHandle } from './client';
import { queryRows } from './rows';
import { testDatabases } from './testing';

interface ColumnType {
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
}

const BUSINESS_COLUMNS: Record<string, number> = {
  company_name: TEXT_COLUMN_LENGTHS.companyName, contact_name: TEXT_COLUMN_LENGTHS.contactName, email: TEXT_COLUMN_LENGTHS.email,
  phone: TEXT_COLUMN_LENGTHS.phone, address_line1: TEXT_COLUMN_LENGTHS.address, address_line2: TEXT_COLUMN_LENGTHS.address,
  city: TEXT_COLUMN_LENGTHS.city, state: TEXT_COLUMN_LENGTHS.state, postal_code: TEXT_COLUMN_LENGTHS.postalCode,
  country: TEXT_COLUMN_LENGTHS.country, industry: TEXT_COLUMN_LENGTHS.industry, website: TEXT_COLUMN_LENGTHS.website,
  date_of_birth: TEXT_COLUMN_LENGTHS.dateOfBirth, source_system: TEXT_COLUMN_LENGTHS.sourceSystem, source_id: TEXT_COLUMN_LENGTHS.sourceId,
  name_normalized: KEY_COLUMN_LENGTHS.nameNormalized, legal_form: KEY_COLUMN_LENGTHS.legalForm, email_normalized: KEY_COLUMN_LENGTHS.emailNormalized,
  email_domain: KEY_COLUMN_LENGTHS.emailDomain, phone_e164: KEY_COLUMN_LENGTHS.phoneE164, website_domain: KEY_COLUMN_LENGTHS.websiteDomain,
  postal_code_normalized: KEY_COLUMN_LENGTHS.postalCodeNormalized, street_number: KEY_COLUMN_LENGTHS.streetNumber,
};

describe.each(testDatabases())('column limits on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  const columns = async (table: string) =>
    new Map(
      (await queryRows<ColumnType>(handle.db, sql`select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale from information_schema.columns where table_schema = current_schema() and table_name = ${table}`)).map((row) => [row.column_name, row]),
    );
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it.each(['customers', 'incoming_customers'])('%s: varchar lengths, integer and numeric(18,2) are the ones validated', async (table) => {
    const found = await columns(table);
    const lengths = Object.fromEntries(Object.keys(BUSINESS_COLUMNS).map((name) => [name, Number(found.get(name)?.character_maximum_length)]));
    expect(lengths).toEqual(BUSINESS_COLUMNS);
    expect(found.get('employee_count')?.data_type).toBe('integer');
    expect(found.get('revenue')).toMatchObject({ data_type: 'numeric' });
    expect([Number(found.get('revenue')?.numeric_precision), Number(found.get('revenue')?.numeric_scale)]).toEqual([MONEY_NUMERIC.precision, MONEY_NUMERIC.scale]);
    expect(found.get('description')?.data_type).toBe('text');
  });

  it('matching_results.reviewer and term_frequencies.value', async () => {
    expect(Number((await columns('matching_results')).get('reviewer')?.character_maximum_length)).toBe(REVIEW_COLUMN_LENGTHS.reviewer);
    expect(Number((await columns('term_frequencies')).get('value')?.character_maximum_length)).toBe(KEY_COLUMN_LENGTHS.termFrequencyValue);
  });
});
