'use client';
// Counts per UTC day, stacked by series: an area chart for a flow (matches), bars for discrete events (decisions).
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesStyle } from './series';

export type DailyPoint = { day: string } & Record<string, number | string>;

const HEIGHT = 260;
/** 2025-03-09 → 03-09: the year is in the figure's caption, the axis needs room. */
const shortDay = (day: string) => day.slice(5);

export function DailyChart({ kind, data, series, description }: { kind: 'area' | 'bar'; data: DailyPoint[]; series: SeriesStyle<string>[]; description: string }) {
  const common = {
    data,
    responsive: true,
    style: { width: '100%', height: HEIGHT },
    margin: { top: 8, right: 12, bottom: 4, left: -12 },
    desc: description,
  };
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12, fill: '#475569' }} minTickGap={16} />
      <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
      <Tooltip />
      {/* Series order (exact → low, accept → reject) carries meaning; recharts would sort the legend by name. */}
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
    </>
  );
  if (kind === 'area') {
    return (
      <AreaChart {...common}>
        {axes}
        {series.map((style) => (
          <Area key={style.key} type="monotone" dataKey={style.key} name={style.label} stackId="day" stroke={style.color} fill={style.color} fillOpacity={0.35} isAnimationActive={false} />
        ))}
      </AreaChart>
    );
  }
  return (
    <BarChart {...common}>
      {axes}
      {series.map((style) => (
        <Bar key={style.key} dataKey={style.key} name={style.label} stackId="day" fill={style.color} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
