// Pure shaping for the dashboard: grouped rows from the database become complete per-day series (days
// with no rows appear as zeros, so a chart's x axis is honest) and complete per-key counts.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of the UTC day `days - 1` days before `now`: the window covers today and the days before it. */
export function windowStart(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

/** Every UTC day from `since` for `days` days, as YYYY-MM-DD. */
export function utcDays(since: Date, days: number): string[] {
  return Array.from({ length: days }, (_, i) => new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10));
}

/** A count for every key, zero where the database had no row; unknown keys are ignored. */
export function countsByKey<K extends string>(keys: readonly K[], rows: ReadonlyArray<{ key: string; count: number }>): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) if ((keys as readonly string[]).includes(row.key)) counts[row.key as K] += row.count;
  return counts;
}

export type DailySeries<K extends string> = Array<{ day: string } & Record<K, number>>;

/** One entry per day of the window with a count per key: the rows a stacked chart and its data table share. */
export function dailySeries<K extends string>(
  days: readonly string[],
  keys: readonly K[],
  rows: ReadonlyArray<{ day: string; key: string; count: number }>,
): DailySeries<K> {
  const countsByDay = new Map(days.map((day) => [day, countsByKey(keys, [])]));
  for (const row of rows) {
    const counts = countsByDay.get(row.day);
    if (counts && (keys as readonly string[]).includes(row.key)) counts[row.key as K] += row.count;
  }
  return days.map((day) => ({ day, ...countsByDay.get(day)! }));
}

export function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}
