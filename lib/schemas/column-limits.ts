// The bounds of the stored columns, written once: lib/db/schema.ts declares its columns with them and the zod
// schemas validate with them, so a value that passes validation always fits its column (docs/api.md, "Field limits").

/** varchar(n) of the business fields of customers and incoming customers; n counts characters, not bytes. */
export const TEXT_COLUMN_LENGTHS = {
  companyName: 300,
  contactName: 200,
  email: 320,
  phone: 50,
  address: 300,
  city: 120,
  state: 120,
  postalCode: 20,
  country: 120,
  industry: 120,
  website: 300,
  dateOfBirth: 40,
  sourceSystem: 100,
  sourceId: 200,
} as const;

/** varchar(n) of a steward's decision (matching_results.reviewer); the notes are text (TEXT_POLICY_LENGTHS). */
export const REVIEW_COLUMN_LENGTHS = { reviewer: 200 } as const;

/** varchar(n) of the keys derived from those fields at write time (normalising may lengthen a value). */
export const KEY_COLUMN_LENGTHS = {
  nameNormalized: 300,
  legalForm: 40,
  emailNormalized: 320,
  emailDomain: 255,
  phoneE164: 20,
  websiteDomain: 255,
  postalCodeNormalized: 20,
  streetNumber: 20,
  termFrequencyValue: 320,
} as const;

/** Limits the product sets on text and jsonb columns, which have none of their own. */
export const TEXT_POLICY_LENGTHS = {
  description: 5000,
  reviewNotes: 2000,
  identifierType: 40,
  identifierValue: 100,
  identifierCountry: 60,
} as const;

export const MAX_IDENTIFIERS = 20;

/** PostgreSQL integer (employee_count). */
export const INTEGER_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;

/** numeric(precision, scale) of money (revenue): |value| < 10^(precision − scale), rounded to `scale` decimals. */
export const MONEY_NUMERIC = { precision: 18, scale: 2 } as const;
export const MONEY_LIMIT = 10 ** (MONEY_NUMERIC.precision - MONEY_NUMERIC.scale);

/** What PostgreSQL text cannot hold: NUL, and a lone UTF-16 surrogate (no UTF-8 encoding exists for it). */
export const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Length as varchar(n) counts it: code points, so an emoji (two UTF-16 units) is one character. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** The first `max` characters (code points), never splitting a surrogate pair: a derived key cut to its column. */
export function cutToCharacters(text: string, max: number): string {
  if (text.length <= max) return text;
  let units = 0;
  for (let kept = 0; kept < max && units < text.length; kept += 1) {
    const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/y;
    pair.lastIndex = units;
    units += pair.test(text) ? 2 : 1;
  }
  return text.slice(0, units);
}
