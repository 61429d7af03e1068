// Free-text search input (the seed's /customers/search contract).
import { z } from 'zod';

export const searchInputSchema = z.object({
  query_text: z.string({ message: 'is required and must be text' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  similarity_threshold: z.number({ message: 'must be a number between 0 and 1' }).min(0).max(1).default(0.8),
  max_results: z.number({ message: 'must be a whole number from 1 to 100' }).int().min(1).max(100).default(10),
});

export type SearchInput = z.output<typeof searchInputSchema>;
