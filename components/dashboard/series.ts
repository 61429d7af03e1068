// Names and colours of every series the dashboard draws. Band colours follow the band badge; each colour
// is dark enough for 3:1 contrast on white, and every chart has a data table, so colour is never the only cue.
import { INCOMING_STATES, STATE_LABELS, type IncomingState } from '@/lib/domain/resolution';
import type { BacklogBand, StewardDecision } from '@/lib/services/dashboard';
import type { ConfidenceBand } from '@/lib/matching/types';

export interface SeriesStyle<K extends string> {
  key: K;
  label: string;
  color: string;
}

export const BAND_SERIES: SeriesStyle<ConfidenceBand>[] = [
  { key: 'exact', label: 'Exact', color: '#15803d' },
  { key: 'high', label: 'High', color: '#1d4ed8' },
  { key: 'potential', label: 'Potential', color: '#b45309' },
  { key: 'low', label: 'Low', color: '#64748b' },
];

export const BACKLOG_SERIES: SeriesStyle<BacklogBand>[] = [...BAND_SERIES, { key: 'none', label: 'No match: decide', color: '#7c2d12' }];

const STATUS_COLOURS: Record<IncomingState, string> = {
  pending: '#64748b', matching: '#0369a1', matched: '#1d4ed8', no_match: '#b45309', linked: '#15803d', created: '#0f766e', dismissed: '#475569', error: '#b91c1c',
};

export const STATUS_SERIES: SeriesStyle<IncomingState>[] = INCOMING_STATES.map((key) => ({ key, label: STATE_LABELS[key], color: STATUS_COLOURS[key] }));

export const DECISION_SERIES: SeriesStyle<StewardDecision>[] = [
  { key: 'accept', label: 'Accept', color: '#15803d' },
  { key: 'merge', label: 'Merge', color: '#6d28d9' },
  { key: 'create_new', label: 'Create new', color: '#0369a1' },
  { key: 'dismiss', label: 'Dismiss', color: '#475569' },
  { key: 'reject', label: 'Reject', color: '#b91c1c' },
];

/** Bars for a counts chart: one per series, in the series' order. */
export function countBars<K extends string>(series: SeriesStyle<K>[], counts: Record<K, number>): Array<{ label: string; count: number; color: string }> {
  return series.map((style) => ({ label: style.label, count: counts[style.key], color: style.color }));
}

/** The table behind a counts chart: one row per series. */
export function countsTable<K extends string>(heading: string, series: SeriesStyle<K>[], counts: Record<K, number>) {
  return { columns: [heading, 'Count'], rows: series.map((style) => [style.label, counts[style.key]]) };
}

/** The table behind a per-day chart: one row per day, a column per series and the day's total. */
export function dailyTable<K extends string>(series: SeriesStyle<K>[], perDay: Array<{ day: string } & Record<K, number>>) {
  return {
    columns: ['Day (UTC)', ...series.map((style) => style.label), 'Total'],
    rows: perDay.map((entry) => {
      const counts = series.map((style) => entry[style.key]);
      return [entry.day, ...counts, counts.reduce((total, count) => total + count, 0)];
    }),
  };
}

/** Below this many days with data an area chart is a sliver: the page draws bars instead. */
export const SPARSE_DAYS = 7;

/** How many days of a per-day series have any count. */
export function daysWithData<K extends string>(series: SeriesStyle<K>[], perDay: Array<{ day: string } & Record<K, number>>): number {
  return perDay.filter((entry) => series.some((style) => entry[style.key] > 0)).length;
}
