// Which of a pair's field contributions to show first, wherever a short list of reasons is shown
// (review queue, submit results, exports): a field that contradicts the match, then the fields that
// moved the score most, either way. A field that weighed nothing explains nothing, unless it
// contradicts: that is what keeps a pair at 99.9% out of the exact band (band.ts).

export interface ReasonLike {
  field: string;
  weight: number;
  contradicts?: boolean;
}

export function rankReasons<T extends ReasonLike>(fields: readonly T[], count: number): T[] {
  return fields
    .filter((field) => field.contradicts || field.weight !== 0)
    .toSorted((a, b) => Number(Boolean(b.contradicts)) - Number(Boolean(a.contradicts)) || Math.abs(b.weight) - Math.abs(a.weight) || a.field.localeCompare(b.field))
    .slice(0, count);
}
