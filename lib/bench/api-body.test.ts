import { describe, expect, it } from 'vitest';
import { customerInputSchema } from '../schemas/customer';
import { apiBody } from './api-body';

describe('apiBody', () => {
  const record = { companyName: 'Acme B.V.', email: 'info@acme.nl', city: null, revenue: 1_250_000, employeeCount: 0, website: 'acme.nl' };

  it('writes the seed field names, leaves missing text out and keeps numbers (also 0)', () => {
    expect(apiBody(record, 'bench-http', 'run-1-0')).toEqual({
      source_system: 'bench-http',
      source_id: 'run-1-0',
      company_name: 'Acme B.V.',
      email: 'info@acme.nl',
      website: 'acme.nl',
      revenue: 1_250_000,
      employee_count: 0,
    });
  });

  it('is accepted by the API schema as the same record', () => {
    const parsed = customerInputSchema.parse(apiBody(record, 'bench-http', 'run-1-0'));
    expect(parsed).toMatchObject({ companyName: 'Acme B.V.', email: 'info@acme.nl', city: null, revenue: 1_250_000, employeeCount: 0, sourceSystem: 'bench-http', sourceId: 'run-1-0' });
  });
});
