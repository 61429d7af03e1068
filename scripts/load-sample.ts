// npx tsx scripts/load-sample.ts — fills the configured database with generated customers and pending incoming
// records (lib/evaluation/sample), e.g. to measure `npm run match -- --pending` or to try the worker.
import { Command } from 'commander';
import { createProgress } from '../lib/cli/progress';
import { withDatabase } from '../lib/cli/with-database';
import type { LabelledRecord } from '../lib/evaluation/datasets/types';
import { generateCompanyDataset } from '../lib/evaluation/sample/generate';
import type { CustomerFields } from '../lib/schemas/customer';
import { createCustomersBulk } from '../lib/services/customers';
import { submitIncomingBulk } from '../lib/services/incoming';

const count = (value: string) => {
  if (!/^\d+$/.test(value)) throw new Error(`expected a whole number, got "${value}"`);
  return Number(value);
};

const program = new Command()
  .name('npx tsx scripts/load-sample.ts')
  .description('Load generated customers and pending incoming records into the configured database.')
  .option('--customers <n>', 'customers to generate', count, 5000)
  .option('--incoming <n>', 'incoming records (pending); at most one per customer', count, 1000)
  .option('--seed <n>', 'generator seed (a new seed gives new source ids, so loads do not collide)', count, 20240501);

function toFields(record: LabelledRecord, sourceSystem: string): CustomerFields {
  return {
    companyName: record.companyName ?? null, contactName: record.contactName ?? null, email: record.email ?? null, phone: record.phone ?? null,
    addressLine1: record.addressLine1 ?? null, addressLine2: record.addressLine2 ?? null, city: record.city ?? null, state: record.state ?? null,
    postalCode: record.postalCode ?? null, country: record.country ?? null, industry: record.industry ?? null, revenue: record.revenue ?? null,
    employeeCount: record.employeeCount ?? null, website: record.website ?? null, description: record.description ?? null,
    dateOfBirth: record.dateOfBirth ?? null, identifiers: record.identifiers?.map((identifier) => ({ ...identifier, country: identifier.country ?? null })) ?? null,
    sourceSystem, sourceId: record.id,
  };
}

async function main() {
  program.parse();
  const options = program.opts<{ customers: number; incoming: number; seed: number }>();
  if (options.incoming > options.customers) throw new Error('--incoming must not exceed --customers (one incoming per customer)');
  const dataset = generateCompanyDataset({ seed: options.seed, customers: options.customers });
  await withDatabase('cli:load-sample', async (ctx, kind) => {
    console.error(`loading ${options.customers} customers and ${options.incoming} incoming (seed ${options.seed}) into ${kind}`);
    const customersBar = createProgress('customers', options.customers);
    await createCustomersBulk(ctx, dataset.customers.map((record) => toFields(record, 'sample')), { onProgress: (done) => customersBar.update(done) });
    customersBar.stop();
    const incomingBar = createProgress('incoming', options.incoming);
    await submitIncomingBulk(ctx, dataset.incoming.slice(0, options.incoming).map((record) => toFields(record, 'sample')), { onProgress: (done) => incomingBar.update(done) });
    incomingBar.stop();
  });
}

main().catch((error: unknown) => {
  console.error(`load-sample failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
