// A question about an unordered pair of indexes (do records i and j conflict?), asked at most once.

/** `ask(i, j)` memoised so that (i, j) and (j, i) share one answer. */
export function memoizedPairs<T>(ask: (i: number, j: number) => T): (i: number, j: number) => T {
  const known = new Map<string, T>();
  return (i, j) => {
    const key = i < j ? `${i}|${j}` : `${j}|${i}`;
    if (!known.has(key)) known.set(key, ask(i, j));
    return known.get(key)!;
  };
}
