// Customers directory: every existing customer, filtered, sorted and paged on the server, plus semantic
// search ranked by similarity. All state is in the URL's search params.
import type { Metadata } from 'next';
import { CustomerTable, type DirectoryRow } from '@/components/directory/customer-table';
import { DownloadMenu } from '@/components/download-menu';
import { DirectorySearch } from '@/components/directory/directory-search';
import { Pager } from '@/components/directory/pager';
import { SemanticResults, type SemanticHit } from '@/components/directory/semantic-results';
import { EmptyState } from '@/components/ui/states';
import type { Customer } from '@/lib/services/customers';
import { directoryParamsSchema, SEMANTIC_MAX_RESULTS, type DirectoryParams } from '@/lib/schemas/directory';
import { searchInputSchema } from '@/lib/schemas/search';
import type { ServiceContext } from '@/lib/services/context';
import { browseCustomers } from '@/lib/services/directory';
import { searchCustomers } from '@/lib/services/search';
import { directoryHref } from '@/lib/ui/directory-url';
import { customersExportHref } from '@/lib/ui/export-links';
import { uiContext } from '@/lib/ui/session';

export const metadata: Metadata = { title: 'Customers' };
export const dynamic = 'force-dynamic';

function toRow(customer: Customer): DirectoryRow {
  return {
    id: customer.id,
    companyName: customer.companyName,
    contactName: customer.contactName,
    email: customer.email,
    city: customer.city,
    country: customer.country,
    industry: customer.industry,
    createdAt: customer.createdAt.toISOString(),
  };
}

async function SemanticSection({ ctx, params, query }: { ctx: ServiceContext; params: DirectoryParams; query: string }) {
  const input = searchInputSchema.parse({ query_text: query, similarity_threshold: params.threshold, max_results: SEMANTIC_MAX_RESULTS });
  const results = await searchCustomers(ctx, input);
  const hits: SemanticHit[] = results.map(({ customer, similarityScore }) => ({ ...toRow(customer), similarity: similarityScore }));
  return <SemanticResults query={query} threshold={params.threshold} hits={hits} clearHref={directoryHref({ ...params, semantic: undefined })} />;
}

async function BrowseSection({ ctx, params }: { ctx: ServiceContext; params: DirectoryParams }) {
  const page = await browseCustomers(ctx, params);
  if (page.total === 0) {
    return params.q ? (
      <EmptyState title={`No customer matches “${params.q}”`}>The filter looks for the text inside company, contact, email, city, country, industry and website.</EmptyState>
    ) : (
      <EmptyState title="No customers yet">Add customers with POST /api/v1/customers or the import page; incoming records are matched against them.</EmptyState>
    );
  }
  const shownParams = { ...params, page: page.page };
  return (
    <div className="space-y-3">
      <CustomerTable rows={page.customers.map(toRow)} params={shownParams} />
      <Pager params={shownParams} page={page.page} pageCount={page.pageCount} total={page.total} shown={page.customers.length} />
    </div>
  );
}

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = directoryParamsSchema.parse(await searchParams);
  const ctx = await uiContext('read', directoryHref(params));
  return (
    <section aria-labelledby="directory-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="directory-heading" className="text-2xl font-semibold">
            Customers
          </h1>
          <p className="text-sm text-slate-600">The existing customers incoming records are matched against.</p>
        </div>
        <DownloadMenu
          links={[
            { label: 'Customers as CSV (for Excel)', href: customersExportHref('csv') },
            { label: 'Customers as JSON Lines', href: customersExportHref('jsonl') },
          ]}
          note="Every customer, not only this page or filter."
        />
      </div>
      <DirectorySearch params={params} />
      {params.semantic ? <SemanticSection ctx={ctx} params={params} query={params.semantic} /> : <BrowseSection ctx={ctx} params={params} />}
    </section>
  );
}
