// Number and date formats for the steward UI, in one place so every page shows them the same way.

/** 0.98765 → "98.8%"; probabilities within a hair of 1 say so instead of rounding up to 100%. */
export function formatProbability(probability: number): string {
  if (!Number.isFinite(probability)) return '—';
  if (probability >= 0.9995 && probability < 1) return '>99.9%';
  if (probability > 0 && probability < 0.0005) return '<0.1%';
  return `${(probability * 100).toFixed(1)}%`;
}

/** A match weight (log2 Bayes factor) with its sign: +9.1, −3.4, 0.0. */
export function formatWeight(weight: number): string {
  const rounded = Math.round(weight * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '—' : `${DATE_TIME.format(date)} UTC`;
}

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** The day only ("5 Dec 2026"), where a row has no room for the time. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '—' : DATE.format(date);
}

/** Field names from the schema (company_name) or the explanation (companyName) as people read them (Company name). */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
