// Durations for people: the largest unit that keeps the number small, one decimal where it matters.

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1).replace(/\.0$/, '')} h`;
  const days = seconds / 86_400;
  return `${days.toFixed(1).replace(/\.0$/, '')} ${days === 1 ? 'day' : 'days'}`;
}
