// One wrapper for server actions, as route() is for the API: parse the form (or object) with a shared
// zod schema, check the steward's scope, run one service call, and turn failures into a message.
import 'server-only';
import type { z } from 'zod';
import { AppError } from '../errors';
import { actionErrorMessage } from './action-errors';
import { fieldErrors } from './form-data';
import { uiActionContext, type UiScope } from './session';
import type { ServiceContext } from '../services/context';
import { isHardConflictError } from '../services/entity-conflict';

export type ActionResult<T> =
  | { ok: true; data: T }
  /** conflict: someone else changed the record first; the message says what happened and what to do. */
  | { ok: false; message: string; conflict: boolean; fieldErrors?: Record<string, string> };

export interface ActionOptions {
  /** The message when something fails on our side (anything but an AppError). */
  fallback?: string;
  /**
   * A form of labelled fields: only these are read (each as text, empty when absent, so a crafted post sets
   * nothing else), and an invalid one reads "<label> <problem>" beside the field.
   */
  fields?: Record<string, string>;
  /** A one-field form: invalid input and errors the steward can fix (an AppError below 500) go beside this field. */
  errorField?: string;
}

const DEFAULT_FALLBACK = 'That was not saved because of a problem on our side; try again in a moment.';

/** A form as a plain object: a key sent more than once becomes a list. */
export function formObject(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = all.length === 1 ? all[0] : all;
  }
  return values;
}

function actionInput(input: unknown, fields: Record<string, string> | undefined): unknown {
  const values = input instanceof FormData ? formObject(input) : input;
  if (!fields || typeof values !== 'object' || values === null) return values;
  const source = values as Record<string, unknown>;
  return Object.fromEntries(Object.keys(fields).map((name) => [name, typeof source[name] === 'string' ? source[name] : '']));
}

function invalid(error: z.ZodError, options: ActionOptions): ActionResult<never> {
  const [first] = error.issues;
  if (options.errorField) {
    const message = first?.message ?? 'is invalid';
    return { ok: false, conflict: false, message, fieldErrors: { [options.errorField]: message } };
  }
  if (options.fields) {
    return { ok: false, conflict: false, fieldErrors: fieldErrors(error, options.fields), message: 'Some fields need attention; see the messages beside them.' };
  }
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  const where = first?.path.join('.') || 'form';
  return { ok: false, conflict: false, fieldErrors: errors, message: `This could not be sent: ${where} ${first?.message ?? 'is invalid'}. Reload the page and try again.` };
}

function failed(error: unknown, options: ActionOptions): ActionResult<never> {
  // A hard conflict is a 409 too, but no one decided first: the form shows it as a refusal.
  const conflict = error instanceof AppError && error.code === 'conflict' && !isHardConflictError(error);
  const message = actionErrorMessage(error, options.fallback ?? DEFAULT_FALLBACK);
  if (options.errorField && error instanceof AppError && error.status < 500) return { ok: false, conflict, message, fieldErrors: { [options.errorField]: message } };
  return { ok: false, conflict, message };
}

/** An action anyone may call (signing in): parse, run, map errors. Steward actions use stewardAction. */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>) => Promise<T>,
  options: ActionOptions = {},
): (input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = schema.safeParse(actionInput(input, options.fields));
    if (!parsed.success) return invalid(parsed.error, options);
    try {
      return { ok: true, data: await run(parsed.data) };
    } catch (error) {
      return failed(error, options);
    }
  };
}

/** An action on the steward's behalf: the session must hold `scope`, else the form says which scope is missing. */
export function stewardAction<S extends z.ZodType, T>(
  scope: UiScope,
  schema: S,
  run: (ctx: ServiceContext, input: z.output<S>) => Promise<T>,
  options: ActionOptions = {},
): (input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return validatedAction(schema, async (input) => run(await uiActionContext(scope), input), options);
}

/**
 * The action in useActionState's shape (previous state, form). Passing a server action itself, not a client
 * wrapper, lets the form post without JavaScript too.
 */
export function withFormState<T>(action: (input: FormData) => Promise<ActionResult<T>>): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>> {
  return async (_previous, form) => action(form);
}
