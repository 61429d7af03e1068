import { CustomerTable } from '@/components/customer-table';
import { toCustomerResponse } from '@/lib/schemas/customer';
import { appContext } from '@/lib/services/bootstrap';
import { listCustomers } from '@/lib/services/customers';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 100;

export default async function HomePage() {
  const page = await listCustomers(await appContext('ui'), { limit: PAGE_SIZE });
  const rows = page.customers.map(toCustomerResponse);
  return (
    <section aria-labelledby="customers-heading" className="space-y-4">
      <div>
        <h1 id="customers-heading" className="text-2xl font-semibold">Customers</h1>
        <p className="text-sm text-slate-600">
          {rows.length} {rows.length === 1 ? 'customer' : 'customers'}
          {page.nextCursor !== null ? ` shown (first ${PAGE_SIZE})` : ''}. Incoming records are matched against these.
        </p>
      </div>
      <CustomerTable customers={rows} />
    </section>
  );
}
