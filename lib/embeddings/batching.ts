// Splits the texts of one embed() call into provider requests that respect the input-count and token
// limits. Tokens are estimated, not counted: UTF-8 bytes / 3 over-estimates English (≈ 4 chars per token)
// and gives CJK text about one token per character, so a request planned here stays under the real limit
// without shipping a tokenizer per model.

/** Conservative token estimate of a text. */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 3);
}

/** The longest prefix of `text` whose estimate is within `maxTokens`, never splitting a surrogate pair. */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (estimateTokens(text) <= maxTokens) return text;
  const maxBytes = maxTokens * 3;
  // Characters are at least one byte: a prefix of maxBytes characters is an upper bound; shrink by bisection.
  let low = 0;
  let high = Math.min(text.length, maxBytes);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(text.slice(0, middle), 'utf8') <= maxBytes) low = middle;
    else high = middle - 1;
  }
  const lastCode = text.charCodeAt(low - 1);
  const end = lastCode >= 0xd800 && lastCode <= 0xdbff ? low - 1 : low;
  return text.slice(0, end);
}

export interface RequestPlanLimits {
  maxInputsPerRequest: number;
  maxTokensPerRequest: number;
  maxTokensPerInput: number;
}

export interface PlannedRequest {
  /** Positions of the inputs in the caller's list. */
  indexes: number[];
  /** The (possibly truncated) texts to send, parallel to indexes. */
  inputs: string[];
  estimatedTokens: number;
}

/** Requests in input order; each holds at most maxInputsPerRequest inputs and maxTokensPerRequest tokens. */
export function planRequests(texts: readonly string[], limits: RequestPlanLimits): PlannedRequest[] {
  const perInput = Math.min(limits.maxTokensPerInput, limits.maxTokensPerRequest);
  const requests: PlannedRequest[] = [];
  let current: PlannedRequest = { indexes: [], inputs: [], estimatedTokens: 0 };
  texts.forEach((text, index) => {
    const input = truncateToTokens(text, perInput);
    const tokens = estimateTokens(input);
    const full = current.inputs.length >= limits.maxInputsPerRequest || current.estimatedTokens + tokens > limits.maxTokensPerRequest;
    if (full && current.inputs.length > 0) {
      requests.push(current);
      current = { indexes: [], inputs: [], estimatedTokens: 0 };
    }
    current.indexes.push(index);
    current.inputs.push(input);
    current.estimatedTokens += tokens;
  });
  if (current.inputs.length > 0) requests.push(current);
  return requests;
}
