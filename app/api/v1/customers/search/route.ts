import { json, route } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { searchInputSchema } from '@/lib/schemas/search';
import { searchCustomers } from '@/lib/services/search';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/** Free-text search: a JSON array of customers with similarity_score ≥ similarity_threshold, best first. */
export const POST = route({ scope: 'read', body: true }, async (_request, { body, service }) => {
  const input = parseOrThrow(searchInputSchema, body, 'search');
  const results = await searchCustomers(await service(), input);
  return json(
    results.map(({ customer, similarityScore }) => ({
      customer_id: customer.id,
      company_name: customer.companyName,
      contact_name: customer.contactName,
      email: customer.email,
      city: customer.city,
      country: customer.country,
      similarity_score: Math.round(similarityScore * 10_000) / 10_000,
    })),
  );
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('POST');
