// Phone numbers as people write them: one E.164 number, several written styles per country.
// libphonenumber-js supplies each country's national and international layout.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Random } from './random';

export const PHONE_STYLES = ['national', 'international', 'e164', 'dashed', 'digits'] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

/** Writes an E.164 number in a style; unparseable input is returned unchanged. */
export function formatPhone(e164: string, style: PhoneStyle): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  switch (style) {
    case 'national':
      return parsed.formatNational();
    case 'international':
      return parsed.formatInternational();
    case 'e164':
      return parsed.number;
    case 'dashed':
      // "415-555-0134" / "030-1234-5678": the national layout with dashes instead of spaces and brackets.
      return parsed.formatNational().replace(/[()]/g, '').trim().replace(/\s+/g, '-');
    case 'digits':
      return parsed.formatNational().replace(/\D/g, '');
  }
}

/** The style a record was most likely written in, so a format change can pick a different one. */
export function phoneStyleOf(written: string, e164: string): PhoneStyle | null {
  return PHONE_STYLES.find((style) => formatPhone(e164, style) === written) ?? null;
}

export function pickPhoneStyle(random: Random): PhoneStyle {
  return random.weighted<PhoneStyle>([
    ['national', 45],
    ['international', 25],
    ['dashed', 15],
    ['e164', 10],
    ['digits', 5],
  ]);
}

/** Replaces one of the last seven digits with a different digit, keeping the layout. */
export function mistypeOneDigit(written: string, random: Random): string {
  const digitPositions = [...written].flatMap((character, index) => (/\d/.test(character) ? [index] : []));
  const position = random.pick(digitPositions.slice(-7));
  const original = Number(written[position]);
  const replacement = (original + random.int(1, 9)) % 10;
  return written.slice(0, position) + String(replacement) + written.slice(position + 1);
}
