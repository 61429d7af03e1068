// The customers directory (/directory): its URL search params — text filter, sort, page, semantic search.
import { z } from 'zod';

export const DIRECTORY_SORTS = ['company_name', 'city', 'country', 'created_at'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const DIRECTORY_PAGE_SIZES = [25, 50, 100] as const;
/** Semantic search shows a short ranked list, not a page: the steward refines the query instead. */
export const SEMANTIC_MAX_RESULTS = 20;
/** Lower than the API's 0.8 default: a steward browsing wants near misses too, ranked by similarity. */
export const SEMANTIC_DEFAULT_THRESHOLD = 0.5;

/** A URL param may arrive as a string, an array (repeated key) or not at all; the first value wins. */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const emptyAsUndefined = (value: unknown) => {
  const first = firstValue(value);
  return typeof first === 'string' && first.trim() === '' ? undefined : first;
};

/** Bad params fall back to defaults instead of failing the page: a shared link with a typo still opens. */
export const directoryParamsSchema = z.object({
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(200).optional().catch(undefined)),
  sort: z.preprocess(firstValue, z.enum(DIRECTORY_SORTS).catch('company_name')),
  dir: z.preprocess(firstValue, z.enum(SORT_DIRECTIONS).catch('asc')),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1)),
  size: z.preprocess(
    firstValue,
    z.coerce
      .number()
      .refine((size) => (DIRECTORY_PAGE_SIZES as readonly number[]).includes(size))
      .catch(DIRECTORY_PAGE_SIZES[0]),
  ),
  semantic: z.preprocess(emptyAsUndefined, z.string().trim().max(500).optional().catch(undefined)),
  threshold: z.preprocess(firstValue, z.coerce.number().min(0).max(1).catch(SEMANTIC_DEFAULT_THRESHOLD)),
});

export type DirectoryParams = z.output<typeof directoryParamsSchema>;
