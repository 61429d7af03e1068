import { describe, expect, it } from 'vitest';
import { customerInputSchema } from '../schemas/customer';
import { fieldErrors } from './form-data';

describe('fieldErrors', () => {
  it('maps the customer schema issues to the form fields, one message each', () => {
    const parsed = customerInputSchema.safeParse({ company_name: '  ', email: 'not-an-email', employee_count: '2.5' });
    expect(parsed.success).toBe(false);
    const errors = fieldErrors(parsed.error!, { company_name: 'Company name', email: 'Email' });
    expect(errors.company_name).toBe('Company name must not be empty');
    expect(errors.email).toBe('Email must be a valid email address');
    expect(errors.employee_count).toBe('This field must be a whole number');
  });
});
