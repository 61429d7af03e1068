// One customer: every field, the source records linked to it, the incoming records matched to it, and its audit trail.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTrail } from '@/components/directory/audit-trail';
import { CustomerProfile } from '@/components/directory/customer-profile';
import { LinkedRecords } from '@/components/directory/linked-records';
import { MatchHistory } from '@/components/directory/match-history';
import { Notice } from '@/components/ui/states';
import { AppError } from '@/lib/errors';
import { idParam } from '@/lib/schemas/common';
import { listAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { customerMatchHistory } from '@/lib/services/directory';
import { getCustomerWithLinkedRecords, type CustomerWithLinkedRecords } from '@/lib/services/linked-records';
import { uiActionContext, uiContext } from '@/lib/ui/session';

export const metadata: Metadata = { title: 'Customer' };
export const dynamic = 'force-dynamic';

const AUDIT_LIMIT = 25;

async function loadCustomer(ctx: ServiceContext, id: number): Promise<CustomerWithLinkedRecords> {
  try {
    return await getCustomerWithLinkedRecords(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

/** The audit log needs the admin scope, as GET /api/v1/audit does; without it the section says so. */
async function auditContext(): Promise<ServiceContext | null> {
  try {
    return await uiActionContext('admin');
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return null;
    throw error;
  }
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const ctx = await uiContext('read', `/directory/${id.data}`);
  const { customer, linkedRecords, linkedRecordsTotal } = await loadCustomer(ctx, id.data);
  const history = await customerMatchHistory(ctx, customer.id);
  const adminCtx = await auditContext();
  const audit = adminCtx ? await listAudit(adminCtx, { entityType: 'customer', entityId: String(customer.id), limit: AUDIT_LIMIT }) : null;
  const name = customer.companyName ?? customer.contactName ?? `Customer ${customer.id}`;
  return (
    <article aria-labelledby="customer-heading" className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/directory" className="text-blue-800 underline">Customers</Link> <span aria-hidden="true">›</span> {name}
      </nav>
      <header>
        <h1 id="customer-heading" className="text-2xl font-semibold">{name}</h1>
        <p className="text-sm text-slate-600">
          Customer #{customer.id}
          {customer.city || customer.country ? ` · ${[customer.city, customer.country].filter(Boolean).join(', ')}` : ''}
        </p>
      </header>
      <CustomerProfile customer={customer} />
      <section aria-labelledby="linked-heading" className="space-y-2">
        <h2 id="linked-heading" className="text-lg font-semibold">
          Linked source records{linkedRecordsTotal > 0 ? <span className="font-normal text-slate-600"> ({linkedRecordsTotal})</span> : null}
        </h2>
        <LinkedRecords records={linkedRecords} total={linkedRecordsTotal} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">Match history</h2>
        <MatchHistory matches={history.matches} hasMore={history.hasMore} />
      </section>
      <section aria-labelledby="audit-heading" className="space-y-2">
        <h2 id="audit-heading" className="text-lg font-semibold">Audit trail</h2>
        {audit ? (
          <AuditTrail events={audit.events} hasMore={audit.nextCursor !== null} />
        ) : (
          <Notice>The audit trail needs an API key with the admin scope.</Notice>
        )}
      </section>
    </article>
  );
}
