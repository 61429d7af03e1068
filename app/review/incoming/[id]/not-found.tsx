import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function IncomingNotFound() {
  return (
    <EmptyState heading="h1" title="This incoming record does not exist" action={<Link className="text-blue-800 underline" href="/review">Go to the review queue</Link>}>
      Check the number, or find the record in the queue.
    </EmptyState>
  );
}
