// The review queue's URL query: filters, sort and page, so a queue view is linkable. Also the bulk
// accept body. Shared by the /review page and its actions.
import { z } from 'zod';
import { CANDIDATE_DECISIONS } from '../domain/resolution';
import { CONFIDENCE_BANDS } from '../matching/types';
import { TEXT_POLICY_LENGTHS } from './column-limits';
import { idParam, optionalText } from './common';

/** `uncertainty` descending is "most uncertain first": a steward's decision there teaches the model most. */
export const QUEUE_SORTS = ['probability', 'created', 'band', 'uncertainty'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
/**
 * Where the model is least sure: at even odds a label carries the most information (uncertainty
 * sampling, as dedupe and Zingg choose pairs to label).
 */
export const MOST_UNCERTAIN_PROBABILITY = 0.5;
export const QUEUE_PAGE_SIZES = [10, 25, 50, 100] as const;
/** Offset pagination stops here: deeper than this a steward filters instead of paging (and the database never skips more). */
export const QUEUE_MAX_OFFSET = 10_000;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => {
  const first = firstValue(value);
  return typeof first === 'string' && first.trim() === '' ? undefined : first;
};

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'must be a real date');

export const reviewQueueQuerySchema = z.object({
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(1)),
  size: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().refine((size) => (QUEUE_PAGE_SIZES as readonly number[]).includes(size), `must be one of ${QUEUE_PAGE_SIZES.join(', ')}`).default(25),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(QUEUE_SORTS).default('probability')),
  dir: z.preprocess(blankToUndefined, z.enum(['asc', 'desc']).default('desc')),
  /** One or more bands; in the URL as band=exact&band=high or band=exact,high. */
  band: z.preprocess(
    (value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).filter(Boolean)),
    z.array(z.enum(CONFIDENCE_BANDS)).max(CONFIDENCE_BANDS.length),
  ),
  reviewed: z.preprocess(blankToUndefined, z.enum(['no', 'yes', 'any']).default('no')),
  decision: z.preprocess(blankToUndefined, z.enum(CANDIDATE_DECISIONS).optional()),
  from: z.preprocess(blankToUndefined, isoDay.optional()),
  to: z.preprocess(blankToUndefined, isoDay.optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, 'must be at most 200 characters').optional()),
});

export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

/** Bulk accept: each match with the version the steward saw. */
export const bulkAcceptSchema = z.object({
  matches: z
    .array(z.object({ id: idParam, version: z.number().int().min(1) }))
    .min(1, 'choose at least one match')
    .max(100, 'at most 100 matches at once'),
  notes: optionalText(TEXT_POLICY_LENGTHS.reviewNotes).optional(),
});

export type BulkAcceptInput = z.output<typeof bulkAcceptSchema>;
