// Submit & match: a steward enters an incoming customer and sees which existing customers it may be.
import type { Metadata } from 'next';
import { IncomingForm } from '@/components/submit/incoming-form';
import { uiContext } from '@/lib/ui/session';

// absolute: the layout's title template applies to the pages below it, not to this one beside it.
export const metadata: Metadata = { title: { absolute: 'Submit & match · Customer Matching' } };
export const dynamic = 'force-dynamic';

export default async function SubmitPage() {
  // Checked here too so a signed-out steward is sent to sign in before typing a record.
  await uiContext('write', '/');
  return (
    <section aria-labelledby="submit-heading" className="space-y-4">
      <div>
        <h1 id="submit-heading" className="text-2xl font-semibold">
          Submit &amp; match
        </h1>
        <p className="text-sm text-slate-600">Enter an incoming customer record to find the existing customers it may be, ranked by match probability.</p>
      </div>
      <IncomingForm />
    </section>
  );
}
