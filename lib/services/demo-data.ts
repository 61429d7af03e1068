// Seeds the fixed demo customers into an empty database (first start only).
import { countCustomers } from '../db/queries/customers';
import type { CustomerInput } from '../schemas/customer';
import type { ServiceContext } from './context';
import { createCustomer } from './customers';
import { DEMO_CUSTOMERS } from '../demo/customers';

const EMPTY_CUSTOMER: Omit<CustomerInput, 'companyName' | 'sourceSystem'> = {
  contactName: null, email: null, phone: null, addressLine1: null, addressLine2: null, city: null, state: null, postalCode: null,
  country: null, industry: null, revenue: null, employeeCount: null, website: null, description: null, sourceId: null,
  dateOfBirth: null, identifiers: null,
};

/** Returns how many demo customers were inserted (0 when the database already had customers). */
export async function seedDemoDataIfEmpty(ctx: ServiceContext): Promise<number> {
  if ((await countCustomers(ctx.db)) > 0) return 0;
  for (const demo of DEMO_CUSTOMERS) {
    await createCustomer(ctx, { ...EMPTY_CUSTOMER, ...demo, sourceSystem: 'demo' });
  }
  return DEMO_CUSTOMERS.length;
}
