// Every field of one customer, grouped the way a steward checks a record: who, where, what, and provenance.
import type { ReactNode } from 'react';
import type { Customer } from '@/lib/services/customers';
import { formatDateTime } from '@/lib/ui/format';

const NUMBER = new Intl.NumberFormat('en-US');

function Group({ title, items }: { title: string; items: Array<[string, ReactNode]> }) {
  return (
    <section aria-label={title} className="rounded-md border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-1.5 text-sm">
        {items.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="wrap-anywhere text-slate-900">{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function CustomerProfile({ customer }: { customer: Customer }) {
  const identifiers = customer.identifiers?.length ? (
    <ul className="space-y-0.5">
      {customer.identifiers.map((identifier) => (
        <li key={`${identifier.type}:${identifier.value}`}>
          <span className="font-medium">{identifier.type}</span> <span className="font-mono">{identifier.value}</span>
          {identifier.country ? <span className="text-slate-600"> ({identifier.country})</span> : null}
        </li>
      ))}
    </ul>
  ) : null;
  const cityLine = [customer.city, customer.state].filter(Boolean).join(', ') || null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Group
        title="Contact"
        items={[
          ['Company', customer.companyName],
          ['Contact', customer.contactName],
          ['Email', customer.email],
          ['Phone', customer.phone],
          ['Website', customer.website],
          ['Date of birth', customer.dateOfBirth],
        ]}
      />
      <Group
        title="Address"
        items={[
          ['Street', customer.addressLine1],
          ['Street (2)', customer.addressLine2],
          ['City', cityLine],
          ['Postal code', customer.postalCode],
          ['Country', customer.country],
        ]}
      />
      <Group
        title="Business"
        items={[
          ['Industry', customer.industry],
          ['Revenue', customer.revenue === null ? null : NUMBER.format(customer.revenue)],
          ['Employees', customer.employeeCount === null ? null : NUMBER.format(customer.employeeCount)],
          ['Description', customer.description],
          ['Identifiers', identifiers],
        ]}
      />
      <Group
        title="Record"
        items={[
          ['Customer id', <span key="id" className="font-mono">{customer.id}</span>],
          ['Source system', customer.sourceSystem],
          ['Source id', customer.sourceId ? <span key="source" className="font-mono">{customer.sourceId}</span> : null],
          ['Created', formatDateTime(customer.createdAt)],
          ['Updated', formatDateTime(customer.updatedAt)],
        ]}
      />
    </div>
  );
}
