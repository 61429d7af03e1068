// Registry and document identifiers: one canonical type per kind (however the source spells it),
// the value as upper-case letters and digits only, and the issuing country (or, for driving
// licences, the issuing state) as a code, so "SSN 521-21-2123" equals "ssn: 521212123".
import type { RecordIdentifier } from '../types';
import { countryCode, stateCode } from './geo';
import { cleanText } from './text';

export const IDENTIFIER_TYPES = ['ssn', 'passport', 'drivers_license', 'national_id', 'tax_id', 'vat', 'lei', 'duns', 'other'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** Spellings of identifier types (cleaned: lower case, words separated by one space) → canonical type. */
const TYPE_SYNONYMS: Record<string, IdentifierType> = {
  ssn: 'ssn', 'social security': 'ssn', 'social security number': 'ssn', 'social security no': 'ssn',
  'soc sec': 'ssn', 'soc sec id': 'ssn', 'soc sec no': 'ssn', 'ssn number': 'ssn',
  passport: 'passport', 'passport number': 'passport', 'passport no': 'passport', pp: 'passport', ppn: 'passport',
  'drivers license': 'drivers_license', 'driver license': 'drivers_license', 'drivers licence': 'drivers_license',
  'driver licence': 'drivers_license', 'driving licence': 'drivers_license', 'driving license': 'drivers_license',
  'drivers license number': 'drivers_license', 'drivers licence number': 'drivers_license', dl: 'drivers_license',
  dln: 'drivers_license',
  'national id': 'national_id', 'national id number': 'national_id', 'national identity number': 'national_id',
  'national identification number': 'national_id', nid: 'national_id', nin: 'national_id', 'id card': 'national_id',
  'identity card': 'national_id', 'national insurance number': 'national_id', sin: 'national_id',
  'social insurance number': 'national_id', 'tax id': 'tax_id', 'tax id number': 'tax_id', 'tax number': 'tax_id',
  'tax identification number': 'tax_id', tin: 'tax_id', ein: 'tax_id', fein: 'tax_id', itin: 'tax_id',
  'employer identification number': 'tax_id', steuernummer: 'tax_id', gstin: 'tax_id', abn: 'tax_id',
  cnpj: 'tax_id', rfc: 'tax_id', nif: 'tax_id', utr: 'tax_id', pan: 'tax_id',
  vat: 'vat', 'vat number': 'vat', 'vat no': 'vat', 'vat id': 'vat', 'vat reg no': 'vat', vatin: 'vat',
  'vat registration number': 'vat', ustid: 'vat', 'ust id': 'vat', 'ust idnr': 'vat', tva: 'vat', iva: 'vat',
  btw: 'vat', mwst: 'vat', gst: 'vat', 'gst number': 'vat',
  lei: 'lei', 'lei number': 'lei', 'lei code': 'lei', 'legal entity identifier': 'lei',
  duns: 'duns', 'duns number': 'duns', 'd u n s': 'duns', 'dun and bradstreet': 'duns', 'dunandbradstreet': 'duns',
};

export interface NormalizedIdentifier {
  type: IdentifierType;
  /** The type as the source wrote it (cleaned): tells two "other" identifiers apart. */
  label: string;
  /** Upper-case letters and digits only. */
  value: string;
  /** ISO 3166 alpha-2 country, or for driving licences the issuing state/province code. */
  country: string | null;
}

/** Placeholders that sources write where they have no value. */
const PLACEHOLDER_VALUES = new Set(['NA', 'NONE', 'NULL', 'UNKNOWN', 'NIL', 'TBD', 'NOTAVAILABLE', 'NOTAPPLICABLE']);

export function identifierType(raw: string | null | undefined): IdentifierType {
  const key = cleanText(raw?.replace(/_/g, ' '));
  return (key && TYPE_SYNONYMS[key]) || (key ? (TYPE_SYNONYMS[key.replace(/ /g, '')] ?? 'other') : 'other');
}

/** Letters and digits only, upper case; null for blanks, placeholders and runs of one character ("000000000"). */
export function identifierValue(raw: string | null | undefined): string | null {
  const value = (raw ?? '').normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  if (value.length < 3 || PLACEHOLDER_VALUES.has(value) || /^(.)\1*$/u.test(value)) return null;
  return value;
}

function issuer(type: IdentifierType, raw: string | null | undefined): string | null {
  if (!raw) return null;
  return type === 'drivers_license' ? stateCode(raw) : countryCode(raw);
}

export function normalizeIdentifier(identifier: RecordIdentifier): NormalizedIdentifier | null {
  const type = identifierType(identifier.type);
  let value = identifierValue(identifier.value);
  if (!value) return null;
  const country = issuer(type, identifier.country);
  // EU VAT numbers are written with and without their country prefix; keep the prefixed form.
  if (type === 'vat' && country && /^\d/.test(value)) value = `${country}${value}`;
  return { type, label: cleanText(identifier.type) ?? type, value, country };
}

/** Every usable identifier of a record, each once. */
export function normalizeIdentifiers(identifiers: readonly RecordIdentifier[] | null | undefined): NormalizedIdentifier[] {
  const seen = new Set<string>();
  const result: NormalizedIdentifier[] = [];
  for (const identifier of identifiers ?? []) {
    const normalized = normalizeIdentifier(identifier);
    if (!normalized) continue;
    const key = `${normalized.type}|${normalized.label}|${normalized.country ?? ''}|${normalized.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(normalized);
  }
  return result;
}

/**
 * Exact-lookup keys: "type:VALUE" always (so a record without the issuing country still finds its
 * twin) and "type:COUNTRY:VALUE" when the country is known, e.g. "passport:US:X1234".
 */
export function identifierKeys(identifiers: readonly NormalizedIdentifier[]): string[] {
  const keys = new Set<string>();
  for (const { type, value, country } of identifiers) {
    keys.add(`${type}:${value}`);
    if (country) keys.add(`${type}:${country}:${value}`);
  }
  return [...keys].sort();
}

/** The value an identifier's term frequency is counted under: kind and number ("passport:X1234"). */
export function identifierTermKey(identifier: NormalizedIdentifier): string {
  return `${identifier.type}:${identifier.value}`;
}

/** Two identifiers are of one kind when the canonical types agree (and, for "other", the written labels). */
export function sameIdentifierKind(a: NormalizedIdentifier, b: NormalizedIdentifier): boolean {
  return a.type === b.type && (a.type !== 'other' || a.label === b.label);
}
