// One wrapper for server actions, as route() is for the API: parse the form (or object) with a shared
// zod schema, check the steward's scope, run one service call, and turn failures into a message.
import 'server-only';
import type { z } from 'zod';
import { AppError } from '../errors';
import { actionErrorMessage } from './action-errors';
import { uiActionContext, type UiScope } from './session';
import type { ServiceContext } from '../services/context';
import { isHardConflictError } from '../services/entity-conflict';

export type ActionResult<T> =
  | { ok: true; data: T }
  /** conflict: someone else changed the record first; the message says what happened and what to do. */
  | { ok: false; message: string; conflict: boolean; fieldErrors?: Record<string, string> };

/** A form as a plain object: a key sent more than once becomes a list. */
export function formObject(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = all.length === 1 ? all[0] : all;
  }
  return values;
}

function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
  const [first] = error.issues;
  const where = first?.path.join('.') || 'form';
  return { ok: false, conflict: false, fieldErrors, message: `This could not be sent: ${where} ${first?.message ?? 'is invalid'}. Reload the page and try again.` };
}

export function stewardAction<S extends z.ZodType, T>(
  scope: UiScope,
  schema: S,
  run: (ctx: ServiceContext, input: z.output<S>) => Promise<T>,
  fallback = 'That was not saved because of a problem on our side; try again in a moment.',
): (input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = schema.safeParse(input instanceof FormData ? formObject(input) : input);
    if (!parsed.success) return invalid(parsed.error);
    try {
      const ctx = await uiActionContext(scope);
      return { ok: true, data: await run(ctx, parsed.data) };
    } catch (error) {
      // A hard conflict is a 409 too, but no one decided first: the form shows it as a refusal.
      const conflict = error instanceof AppError && error.code === 'conflict' && !isHardConflictError(error);
      return { ok: false, conflict, message: actionErrorMessage(error, fallback) };
    }
  };
}
