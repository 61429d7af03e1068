// Phone numbers: E.164 via libphonenumber-js, reading national numbers in the record's country;
// the last seven digits are kept too, because local numbers often arrive without area code.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Region assumed when a record has no country: the product's home market. */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';

export interface NormalizedPhone {
  /** "+17029191300"; null when the digits cannot be a full number (e.g. a bare 7-digit local number). */
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
  const possible = parsed?.isPossible() ? parsed : undefined;
  const national = possible?.nationalNumber ?? digits;
  return { e164: possible?.number ?? null, last7: national.slice(-7) };
}
