// The customer domain: what clients may send (seed and CSV field names), and what they get back.
import { z } from 'zod';
import { isImpossibleDate } from '../matching/normalize/date';
import { INTEGER_RANGE, MAX_IDENTIFIERS, MONEY_LIMIT, TEXT_COLUMN_LENGTHS, TEXT_POLICY_LENGTHS } from './column-limits';
import { MAX_PAGE_SIZE, boundedNumber, idParam, optionalText, requiredText } from './common';

/** Longest text per field: the column's varchar(n), or the product's limit where the column is text or jsonb. */
export const FIELD_LIMITS = {
  ...TEXT_COLUMN_LENGTHS,
  description: TEXT_POLICY_LENGTHS.description,
  identifierType: TEXT_POLICY_LENGTHS.identifierType,
  identifierValue: TEXT_POLICY_LENGTHS.identifierValue,
  identifierCountry: TEXT_POLICY_LENGTHS.identifierCountry,
  identifiers: MAX_IDENTIFIERS,
} as const;

const identifierSchema = z.object({
  type: requiredText(FIELD_LIMITS.identifierType),
  value: requiredText(FIELD_LIMITS.identifierValue),
  country: optionalText(FIELD_LIMITS.identifierCountry),
});

/** Money in numeric(18,2): zero or more, below 10^16 (stored rounded to cents). */
const money = () => boundedNumber({ min: 0, max: MONEY_LIMIT, below: true });

/** Stored as written; a text that reads as a date must be a real one (placeholders such as 1900-01-01 are fine). */
const dateOfBirth = optionalText(FIELD_LIMITS.dateOfBirth).refine((value) => value === null || !isImpossibleDate(value), 'is not a real calendar date');

const email = optionalText(FIELD_LIMITS.email).pipe(z.email('must be a valid email address').nullable());

/**
 * Input for a customer record. Accepts both the seed API's names (state_province, annual_revenue) and the
 * CSV names (state, revenue). Unknown keys (id, status, embeddings, ...) are ignored: clients cannot set them.
 */
const customerShape = {
  company_name: requiredText(FIELD_LIMITS.companyName),
  contact_name: optionalText(FIELD_LIMITS.contactName),
  email,
  phone: optionalText(FIELD_LIMITS.phone),
  address_line1: optionalText(FIELD_LIMITS.address),
  address_line2: optionalText(FIELD_LIMITS.address),
  city: optionalText(FIELD_LIMITS.city),
  state: optionalText(FIELD_LIMITS.state),
  state_province: optionalText(FIELD_LIMITS.state),
  postal_code: optionalText(FIELD_LIMITS.postalCode),
  country: optionalText(FIELD_LIMITS.country),
  industry: optionalText(FIELD_LIMITS.industry),
  revenue: money(),
  annual_revenue: money(),
  employee_count: boundedNumber({ integer: true, min: 0, max: INTEGER_RANGE.max }),
  website: optionalText(FIELD_LIMITS.website),
  description: optionalText(FIELD_LIMITS.description),
  date_of_birth: dateOfBirth,
  identifiers: z
    .array(identifierSchema)
    .max(FIELD_LIMITS.identifiers, `at most ${FIELD_LIMITS.identifiers} identifiers`)
    .nullable()
    .optional()
    .transform((list) => (list && list.length > 0 ? list : null)),
  source_system: optionalText(FIELD_LIMITS.sourceSystem),
  source_id: optionalText(FIELD_LIMITS.sourceId),
};

type CustomerShapeOutput = z.output<z.ZodObject<typeof customerShape>>;

function toCustomerFields(input: CustomerShapeOutput) {
  return {
    companyName: input.company_name,
    contactName: input.contact_name,
    email: input.email,
    phone: input.phone,
    addressLine1: input.address_line1,
    addressLine2: input.address_line2,
    city: input.city,
    state: input.state ?? input.state_province,
    postalCode: input.postal_code,
    country: input.country,
    industry: input.industry,
    revenue: input.revenue ?? input.annual_revenue,
    employeeCount: input.employee_count,
    website: input.website,
    description: input.description,
    dateOfBirth: input.date_of_birth,
    identifiers: input.identifiers,
    sourceSystem: input.source_system ?? 'api',
    sourceId: input.source_id,
  };
}

/**
 * Input for a customer record. Accepts both the seed API's names (state_province, annual_revenue) and the
 * CSV names (state, revenue). Unknown keys (id, status, embeddings, ...) are ignored: clients cannot set them.
 */
export const customerInputSchema = z.object(customerShape).transform(toCustomerFields);

/** Seed/CSV name → the stored field it sets, for PATCH (only the keys sent change). */
const PATCH_FIELDS: Record<string, keyof ReturnType<typeof toCustomerFields>> = {
  company_name: 'companyName', contact_name: 'contactName', email: 'email', phone: 'phone', address_line1: 'addressLine1',
  address_line2: 'addressLine2', city: 'city', state: 'state', state_province: 'state', postal_code: 'postalCode', country: 'country',
  industry: 'industry', revenue: 'revenue', annual_revenue: 'revenue', employee_count: 'employeeCount', website: 'website',
  description: 'description', date_of_birth: 'dateOfBirth', identifiers: 'identifiers',
};

export const customerPatchSchema = z
  .record(z.string(), z.unknown())
  .superRefine((raw, ctx) => {
    if (!Object.keys(raw).some((key) => key in PATCH_FIELDS)) {
      ctx.addIssue({ code: 'custom', message: `send at least one of ${Object.keys(PATCH_FIELDS).join(', ')}` });
    }
  })
  .transform((raw, ctx) => {
    const parsed = z.object(customerShape).partial().safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    const fields = toCustomerFields({ company_name: '', ...parsed.data } as CustomerShapeOutput);
    const patch: Partial<ReturnType<typeof toCustomerFields>> = {};
    for (const key of Object.keys(raw)) {
      const target = PATCH_FIELDS[key];
      if (target) (patch as Record<string, unknown>)[target] = fields[target];
    }
    return patch;
  });

export type CustomerPatch = z.output<typeof customerPatchSchema>;

export type CustomerInput = z.output<typeof customerInputSchema>;

/** What the services store: the API requires a company name, bulk loads of person records (B2C) may lack one. */
export type CustomerFields = Omit<CustomerInput, 'companyName'> & { companyName: string | null };

export const customerListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(50),
  cursor: idParam.optional(),
  q: z.string().trim().max(200).optional(),
  city: z.string().trim().max(FIELD_LIMITS.city).optional(),
  country: z.string().trim().max(FIELD_LIMITS.country).optional(),
  industry: z.string().trim().max(FIELD_LIMITS.industry).optional(),
});

export type CustomerListQuery = z.output<typeof customerListQuerySchema>;
