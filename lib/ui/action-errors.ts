// How server actions turn a failure into a message for the form: say what to do, never show internals.
import { unstable_rethrow } from 'next/navigation';
import { AppError } from '../errors';
import { logger, safeError } from '../logger';

/** redirect()/notFound() pass through to Next; an AppError keeps its message; anything else gets the fallback. */
export function actionErrorMessage(error: unknown, fallback: string): string {
  unstable_rethrow(error);
  if (error instanceof AppError) return error.message;
  logger().error({ err: safeError(error) }, 'server action failed');
  return fallback;
}
