import { LoadingPanel } from '@/components/ui/spinner';

export default function Loading() {
  return <LoadingPanel label="Loading customers…" />;
}
