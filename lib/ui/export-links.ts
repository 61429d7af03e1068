// Download links for the steward UI: the queue's own filters carried into the matches export, and the
// page to come back to when a download asks the steward to sign in again.
import type { ReviewQueueQuery } from '../schemas/review-queue';
import type { ExportFormat } from '../schemas/export';

/** The UI's download route (app/export/route.ts): the API's export, authorised by the steward session. */
export const EXPORT_PATH = '/export';

export interface DownloadLink {
  label: string;
  href: string;
}

function exportHref(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  return `${EXPORT_PATH}?${search}`;
}

/** CSV with a byte order mark, so Excel reads UTF-8 names (é, ß, 東) correctly; JSON Lines as they are. */
function formatParams(format: Extract<ExportFormat, 'csv' | 'jsonl'>): Record<string, string | undefined> {
  return format === 'csv' ? { format, bom: 'true' } : { format };
}

/** The queue's band and reviewed filters carry over; text, decision and dates do not exist in the export. */
export function queueExportHref(query: Pick<ReviewQueueQuery, 'band' | 'reviewed'>, format: Extract<ExportFormat, 'csv' | 'jsonl'>): string {
  return exportHref({
    what: 'matches',
    ...formatParams(format),
    band: query.band.length > 0 ? query.band.join(',') : undefined,
    reviewed: query.reviewed === 'any' ? undefined : String(query.reviewed === 'yes'),
  });
}

export function customersExportHref(format: Extract<ExportFormat, 'csv' | 'jsonl'>): string {
  return exportHref({ what: 'customers', ...formatParams(format) });
}

/** The path of a same-origin Referer, else undefined (never another site's address). */
export function returnPathFromReferer(referer: string | null, origin: string): string | undefined {
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.origin === origin ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
