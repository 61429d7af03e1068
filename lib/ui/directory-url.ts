// Links within the customers directory: the current search params with some changed, defaults left out so
// shared URLs stay short. Pure, so client and server components build the same links.
import { DIRECTORY_PAGE_SIZES, SEMANTIC_DEFAULT_THRESHOLD, type DirectoryParams } from '@/lib/schemas/directory';

const DEFAULTS: Partial<Record<keyof DirectoryParams, string>> = {
  sort: 'company_name',
  dir: 'asc',
  page: '1',
  size: String(DIRECTORY_PAGE_SIZES[0]),
  threshold: String(SEMANTIC_DEFAULT_THRESHOLD),
};

const ORDER: Array<keyof DirectoryParams> = ['q', 'sort', 'dir', 'page', 'size', 'semantic', 'threshold'];

export function directoryHref(params: Partial<DirectoryParams>, changes: Partial<DirectoryParams> = {}): string {
  const merged = { ...params, ...changes };
  const search = new URLSearchParams();
  for (const key of ORDER) {
    const value = merged[key];
    if (value === undefined || value === null || value === '') continue;
    if (DEFAULTS[key] === String(value)) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `/directory?${query}` : '/directory';
}

/** Clicking a sorted column flips its direction; another column starts ascending, on page one. */
export function sortChange(params: Pick<DirectoryParams, 'sort' | 'dir'>, column: DirectoryParams['sort']): Pick<DirectoryParams, 'sort' | 'dir' | 'page'> {
  const dir = params.sort === column && params.dir === 'asc' ? 'desc' : 'asc';
  return { sort: column, dir, page: 1 };
}
