import { describe, expect, it } from 'vitest';
import { idParam } from './common';
import { customerInputSchema, customerListQuerySchema } from './customer';

describe('customerInputSchema', () => {
  it('maps seed and CSV names to one record and trims text', () => {
    const parsed = customerInputSchema.parse({
      company_name: '  Acme Corp ',
      state_province: 'NY',
      annual_revenue: 5000,
      employee_count: '12',
      email: 'a@acme.com',
      contact_name: '',
    });
    expect(parsed).toMatchObject({ companyName: 'Acme Corp', state: 'NY', revenue: 5000, employeeCount: 12, email: 'a@acme.com', contactName: null, sourceSystem: 'api' });
  });

  it('prefers the CSV name when both are given', () => {
    expect(customerInputSchema.parse({ company_name: 'A', state: 'CA', state_province: 'NY', revenue: 1, annual_revenue: 2 })).toMatchObject({ state: 'CA', revenue: 1 });
  });

  it.each([
    [{}, 'company_name'],
    [{ company_name: '   ' }, 'company_name'],
    [{ company_name: 42 }, 'company_name'],
    [{ company_name: 'A', email: 'not-an-email' }, 'email'],
    [{ company_name: 'A', annual_revenue: -1 }, 'annual_revenue'],
    [{ company_name: 'A', employee_count: 2.5 }, 'employee_count'],
    [{ company_name: 'A', employee_count: 'many' }, 'employee_count'],
    [{ company_name: 'x'.repeat(301) }, 'company_name'],
    [{ company_name: 'A', city: ['x'] }, 'city'],
  ])('rejects %j at %s', (body, field) => {
    const result = customerInputSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it('ignores fields clients may not set', () => {
    const parsed = customerInputSchema.parse({ company_name: 'A', customer_id: 5, id: 7, company_name_embedding: [1], created_date: 'x' });
    expect(parsed).not.toHaveProperty('id');
    expect(parsed).not.toHaveProperty('customer_id');
    expect(parsed).not.toHaveProperty('company_name_embedding');
  });
});

describe('customerListQuerySchema', () => {
  it('defaults the page size and caps it', () => {
    expect(customerListQuerySchema.parse({}).limit).toBe(50);
    expect(customerListQuerySchema.safeParse({ limit: '201' }).success).toBe(false);
    expect(customerListQuerySchema.safeParse({ cursor: '-3' }).success).toBe(false);
  });
});

describe('idParam', () => {
  it.each(['1', '42', 7])('accepts %j', (value) => {
    expect(idParam.parse(value)).toBe(Number(value));
  });
  it.each(['0x1', '1e3', ' 1', '0', '-3', '1.5', '9999999999999999', ''])('refuses %j', (value) => {
    expect(idParam.safeParse(value).success).toBe(false);
  });
});
