// Phone numbers: E.164 via libphonenumber-js, reading national numbers in the record's country;
// the last seven digits are kept too, because local numbers often arrive without area code.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Region assumed when a record has no country: the product's home market. */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';

export interface NormalizedPhone {
  /** "+17029191300"; null when the digits are not a valid number (e.g. a bare 7-digit local number). */
  e164: string | null;
  /** Last seven digits of the national number: the subscriber part that survives format changes. */
  last7: string;
}

export function normalizePhone(raw: string | null | undefined, countryCode?: string | null): NormalizedPhone | null {
  if (!raw) return null;
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 7) return null;
  const region = (countryCode ?? DEFAULT_PHONE_REGION) as CountryCode;
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(raw, { defaultCountry: region });
  } catch {
    parsed = undefined;
  }
  // Valid, not merely possible: a foreign national number read in the default region (e.g. a
  // Dutch "070 ..." as US) has a plausible length but no valid area code, and must not become a
  // wrong E.164 key.
  const valid = parsed?.isValid() ? parsed : undefined;
  const national = valid?.nationalNumber ?? digits;
  return { e164: valid?.number ?? null, last7: national.slice(-7) };
}
