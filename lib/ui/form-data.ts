// Zod issues → one message per form field, phrased for the person filling the form in.
import type { z } from 'zod';

/** The first message per top-level field, phrased for a person ("Company name must not be empty"). */
export function fieldErrors(error: z.ZodError, labels: Record<string, string> = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const label = labels[field] ?? 'This field';
    errors[field] = `${label} ${issue.message}`;
  }
  return errors;
}
