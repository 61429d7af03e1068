// Building blocks shared by the domain schemas: trimmed optional text, non-negative numbers, pagination.
import { z } from 'zod';

/** Optional text: trimmed; empty string and null both mean "not given". */
export const optionalText = (max: number) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((value) => {
      if (value === null || value === undefined) return null;
      const trimmed = value.trim();
      return trimmed === '' ? null : trimmed;
    })
    .pipe(z.string().max(max, `must be at most ${max} characters`).nullable());

export const requiredText = (max: number) =>
  z
    .string({ message: 'is required and must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** A non-negative number; numeric strings from CSV/forms are accepted. */
export const nonNegativeNumber = (options: { integer?: boolean } = {}) =>
  z
    .union([z.number(), z.string(), z.null()])
    .optional()
    .transform((value, ctx) => {
      if (value === null || value === undefined) return null;
      if (typeof value === 'string') {
        const trimmed = value.trim().replace(/,/g, '');
        if (trimmed === '') return null;
        const parsed = Number(trimmed);
        if (!Number.isFinite(parsed)) {
          ctx.addIssue({ code: 'custom', message: 'must be a number' });
          return z.NEVER;
        }
        return parsed;
      }
      return value;
    })
    .pipe(
      (options.integer ? z.number().int('must be a whole number') : z.number())
        .min(0, 'must be zero or more')
        .max(1e15, 'is too large')
        .nullable(),
    );

export const MAX_PAGE_SIZE = 200;

/** A row id in a path or query: plain decimal digits only (no hex, exponents or spaces). */
export const idParam = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^[1-9]\d{0,14}$/, 'must be a positive whole number'))
  .transform(Number);
