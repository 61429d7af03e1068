// String similarity measures used by the comparison levels. Small, exact implementations of
// the textbook definitions (Jaro-Winkler as in Winkler 1990, Levenshtein, a token-set ratio in
// the spirit of fuzzywuzzy) so that level thresholds mean what the literature means.

/** Jaro similarity in [0,1]. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j += 1) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j += 1;
    if (a[i] !== b[j]) transpositions += 1;
    j += 1;
  }
  const m = matches;
  return (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
}

/** Jaro-Winkler with the standard prefix scale 0.1 and prefix cap 4. */
export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix += 1;
  return similarity + prefix * 0.1 * (1 - similarity);
}

/** Insert, delete and substitute each cost 1; with `swaps`, two adjacent letters exchanged cost 1 too (optimal string alignment). */
function editDistance(a: string, b: string, swaps: boolean): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2] + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Edit distance (insert, delete, substitute each cost 1). */
export function levenshtein(a: string, b: string): number {
  return editDistance(a, b, false);
}

/** Typing errors between two spellings: Levenshtein, with two adjacent letters swapped counted once (hernandez / hernadnez: 1). */
export function typingErrors(a: string, b: string): number {
  return editDistance(a, b, true);
}

/** 1 − distance / longer length, in [0,1]. */
export function levenshteinRatio(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

/** Indel ratio 2·LCS-ish / total length, the measure fuzzywuzzy's ratio approximates. */
function indelRatio(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  // Indel distance = len(a) + len(b) − 2·LCS; LCS by dynamic programming.
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [0];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]));
    }
    previous = current;
  }
  return (2 * previous[b.length]) / total;
}

/**
 * Token-set ratio: words in common count fully, the rest is compared as sorted text.
 * Unlike fuzzywuzzy it is not 1.0 when one name is a strict subset of the other
 * ("acme" vs "acme labs"): a missing distinctive word is a difference for company names.
 */
export function tokenSetRatio(aWords: string[], bWords: string[]): number {
  const a = new Set(aWords);
  const b = new Set(bWords);
  if (a.size === 0 || b.size === 0) return 0;
  const common = [...a].filter((word) => b.has(word)).sort();
  const onlyA = [...a].filter((word) => !b.has(word)).sort();
  const onlyB = [...b].filter((word) => !a.has(word)).sort();
  const base = common.join(' ');
  const left = [base, ...onlyA].filter(Boolean).join(' ');
  const right = [base, ...onlyB].filter(Boolean).join(' ');
  return indelRatio(left, right);
}

/**
 * Share of words that find a close partner (Jaro-Winkler ≥ minSimilarity) on the other side,
 * counted on both sides (Dice): robust to word order and to a typo inside one word.
 */
export function fuzzyWordOverlap(aWords: string[], bWords: string[], minSimilarity = 0.9): number {
  if (aWords.length === 0 || bWords.length === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const word of aWords) {
    let best = -1;
    let bestScore = minSimilarity;
    bWords.forEach((other, index) => {
      if (used.has(index)) return;
      const score = word === other ? 1 : jaroWinkler(word, other);
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    });
    if (best >= 0) {
      used.add(best);
      matched += 1;
    }
  }
  return (2 * matched) / (aWords.length + bWords.length);
}
