// Semantic search results: customers ranked by similarity to the steward's text, best first.
import Link from 'next/link';
import { ProbabilityBar } from '@/components/ui/probability';
import { FramedTable } from '@/components/ui/framed-table';
import { EmptyState } from '@/components/ui/states';

export interface SemanticHit {
  id: number;
  companyName: string | null;
  contactName: string | null;
  email: string | null;
  city: string | null;
  country: string | null;
  similarity: number;
}

export function SemanticResults({ query, threshold, hits, clearHref }: { query: string; threshold: number; hits: SemanticHit[]; clearHref: string }) {
  const clear = (
    <Link href={clearHref} className="text-sm text-blue-800 underline">
      Back to all customers
    </Link>
  );
  if (hits.length === 0) {
    return (
      <EmptyState title={`No customer is at least ${Math.round(threshold * 100)}% similar to “${query}”`} action={clear}>
        Try fewer words, or a lower minimum similarity.
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="semantic-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="semantic-heading" className="text-lg font-semibold">
          {hits.length} {hits.length === 1 ? 'customer' : 'customers'} similar to “{query}”
        </h2>
        {clear}
      </div>
      <FramedTable caption="Semantic search results, most similar first" columns={[{ label: 'Company' }, { label: 'Contact', hiddenBelow: 'sm' }, { label: 'Email', hiddenBelow: 'md' }, { label: 'City' }, { label: 'Similarity' }]}>
        {hits.map((hit) => (
          <tr key={hit.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/directory/${hit.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                {hit.companyName ?? `Customer ${hit.id}`}
              </Link>
            </td>
            <td className="hidden px-3 py-2 sm:table-cell">{hit.contactName ?? '—'}</td>
            <td className="hidden px-3 py-2 md:table-cell">{hit.email ?? '—'}</td>
            <td className="px-3 py-2">{[hit.city, hit.country].filter(Boolean).join(', ') || '—'}</td>
            <td className="px-3 py-2">
              <ProbabilityBar probability={hit.similarity} />
            </td>
          </tr>
        ))}
      </FramedTable>
    </section>
  );
}
