import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function MatchNotFound() {
  return (
    <EmptyState heading="h1" title="This match does not exist" action={<Link className="text-blue-800 underline" href="/review">Go to the review queue</Link>}>
      It may have been replaced when its incoming record was matched again.
    </EmptyState>
  );
}
