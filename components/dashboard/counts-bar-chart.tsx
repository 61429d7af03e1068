'use client';
// Counts per category as horizontal bars (long category names stay readable on a phone).
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';

export interface CountBar {
  label: string;
  count: number;
  color: string;
}

const BAR_HEIGHT = 36;
/** Room for the longest category name at 12px (about 7px a character), so short names leave no gap. */
const labelWidth = (bars: CountBar[]) => Math.min(170, 16 + 7 * Math.max(...bars.map((bar) => bar.label.length)));

export function CountsBarChart({ bars, description }: { bars: CountBar[]; description: string }) {
  return (
    <BarChart
      layout="vertical"
      data={bars}
      responsive
      style={{ width: '100%', height: bars.length * BAR_HEIGHT + 40 }}
      margin={{ top: 4, right: 40, bottom: 4, left: 8 }}
      desc={description}
    >
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
      <YAxis type="category" dataKey="label" width={labelWidth(bars)} tick={{ fontSize: 12, fill: '#334155' }} />
      <Tooltip cursor={{ fill: '#f1f5f9' }} />
      <Bar dataKey="count" name="Count" isAnimationActive={false}>
        {bars.map((bar) => (
          <Cell key={bar.label} fill={bar.color} />
        ))}
        <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: '#0f172a' }} />
      </Bar>
    </BarChart>
  );
}
