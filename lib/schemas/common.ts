// Building blocks shared by the domain schemas: trimmed text and bounded numbers that always fit their
// column (lib/schemas/column-limits.ts), and pagination.
import { z } from 'zod';
import { characterCount, UNSTORABLE_TEXT } from './column-limits';

/** Text a varchar(max) or text column can hold: no NUL or lone surrogate, at most `max` characters as PostgreSQL counts them. */
const storableText = (max: number) =>
  z
    .string()
    .refine((value) => !UNSTORABLE_TEXT.test(value), 'must not contain a NUL character or an unpaired surrogate')
    .refine((value) => characterCount(value) <= max, `must be at most ${max} characters`);

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
    .pipe(storableText(max).nullable())
    .meta({ maxLength: max });

export const requiredText = (max: number) =>
  z
    .string({ message: 'is required and must be text' })
    .trim()
    .min(1, 'must not be empty')
    .pipe(storableText(max))
    .meta({ maxLength: max });

/** A plain decimal as people and spreadsheets write it: "1200", "-3", "1,200,000.50", "1.5E+06" (no hex, binary or Infinity). */
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

interface NumberBounds {
  integer?: boolean;
  min: number;
  /** The largest value allowed, or with `below` the first value refused. */
  max: number;
  below?: boolean;
}

/** A number within its column's range; numeric strings from CSV and forms are read too, and -0 is 0. */
export const boundedNumber = ({ integer = false, min, max, below = false }: NumberBounds) =>
  z
    .union([z.number(), z.string(), z.null()])
    .optional()
    .transform((value, ctx) => {
      if (value === null || value === undefined) return null;
      let parsed = value as number;
      if (typeof value === 'string') {
        const trimmed = value.trim().replace(/,/g, '');
        if (trimmed === '') return null;
        parsed = DECIMAL_TEXT.test(trimmed) ? Number(trimmed) : NaN;
      }
      if (!Number.isFinite(parsed)) {
        ctx.addIssue({ code: 'custom', message: 'must be a number' });
        return z.NEVER;
      }
      return parsed === 0 ? 0 : parsed;
    })
    .pipe(
      (integer ? z.number().int('must be a whole number') : z.number())
        .min(min, min === 0 ? 'must be zero or more' : `must be at least ${min}`)
        .refine((value) => (below ? value < max : value <= max), below ? `must be less than ${max}` : `must be at most ${max}`)
        .nullable(),
    )
    // The bounds in the OpenAPI document, which cannot read them from the refinement above.
    .meta(below ? { minimum: min, exclusiveMaximum: max } : { minimum: min, maximum: max });

export const MAX_PAGE_SIZE = 200;

/** A row id in a path or query: plain decimal digits only (no hex, exponents or spaces). */
export const idParam = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^[1-9]\d{0,14}$/, 'must be a positive whole number'))
  .transform(Number);
