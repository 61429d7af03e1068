// A read-only table of customers (server component).
import type { CustomerResponse } from '@/lib/schemas/customer';

export function CustomerTable({ customers }: { customers: CustomerResponse[] }) {
  if (customers.length === 0) {
    return <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">No customers yet. Add one with POST /customers.</p>;
  }
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Customers</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Company</th>
            <th scope="col" className="px-3 py-2 font-medium">Contact</th>
            <th scope="col" className="px-3 py-2 font-medium">Email</th>
            <th scope="col" className="px-3 py-2 font-medium">City</th>
            <th scope="col" className="px-3 py-2 font-medium">Country</th>
            <th scope="col" className="px-3 py-2 font-medium">Industry</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.customer_id} className="border-t border-slate-100">
              <td className="px-3 py-2 font-medium">{customer.company_name}</td>
              <td className="px-3 py-2">{customer.contact_name ?? '—'}</td>
              <td className="px-3 py-2">{customer.email ?? '—'}</td>
              <td className="px-3 py-2">{customer.city ?? '—'}</td>
              <td className="px-3 py-2">{customer.country ?? '—'}</td>
              <td className="px-3 py-2">{customer.industry ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
