// FormData → plain objects for zod, and zod issues → one message per form field.
import type { z } from 'zod';

/** Text fields of a form as strings (files and repeated keys are not used by these forms). */
export function formFields(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}

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
