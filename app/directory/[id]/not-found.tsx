import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function CustomerNotFound() {
  return (
    <EmptyState heading="h1" title="This customer does not exist" action={<Link className="text-blue-800 underline" href="/directory">Go to all customers</Link>}>
      It may have been erased, or the link has a wrong id.
    </EmptyState>
  );
}
