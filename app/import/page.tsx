// Import a file of customers or incoming records: choose it, the target and a dry run; the form shows
// progress, the rows that were not imported and a summary.
import type { Metadata } from 'next';
import { ImportForm } from '@/components/import/import-form';
import { env } from '@/lib/env';
import { uiContext } from '@/lib/ui/session';

export const metadata: Metadata = { title: 'Import' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  await uiContext('write', '/import');
  const maxMiB = Math.floor(env().IMPORT_MAX_BODY_BYTES / 1024 / 1024);
  return (
    <section aria-labelledby="import-heading" className="space-y-4">
      <div className="space-y-1">
        <h1 id="import-heading" className="text-2xl font-semibold">Import</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Load a CSV with a header row (company_name, contact_name, email, phone, address_line1, city, state, postal_code, country, …),
          a JSON array of records or JSON Lines, up to {maxMiB} MiB. Rows are matched to what is stored by source_system and source_id:
          importing the same file again changes nothing, a changed row is updated. Rows with problems are skipped and listed below.
        </p>
      </div>
      <ImportForm maxBytes={env().IMPORT_MAX_BODY_BYTES} />
    </section>
  );
}
