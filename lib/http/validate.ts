// zod → AppError('validation_failed') with field paths, the same for bodies, queries and path params.
import type { z } from 'zod';
import { AppError } from '../errors';
import { assertStorableText } from './body';

export interface FieldProblem {
  path: string;
  message: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = fieldProblems(result.error);
  const summary = problems.slice(0, 3).map((p) => `${p.path} ${p.message}`).join('; ');
  throw new AppError('validation_failed', `Invalid ${what}: ${summary}`, problems);
}

export function searchParamsObject(url: URL): Record<string, string> {
  const params = Object.fromEntries(url.searchParams.entries());
  assertStorableText(params);
  return params;
}
