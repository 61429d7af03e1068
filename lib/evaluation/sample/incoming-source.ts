// Incoming records come from other systems than the customer base, each with its own habits:
// a partner feed shouts in capitals and writes E.164, a web form has whatever people typed.
// The same habits apply to every incoming kind, so the format says nothing about the truth.
import { parsePhoneNumberFromString, type CountryCode as PhoneCountry } from 'libphonenumber-js';
import type { CustomerRecord } from '@/lib/matching/types';
import { COUNTRIES, type CountryCode } from './countries';
import type { PerturbationKind } from './perturbation-kinds';
import { formatPhone, type PhoneStyle } from './phone';
import type { Random } from './random';

export const INCOMING_SOURCES = ['crm', 'web_form', 'partner_feed'] as const;
export type IncomingSource = (typeof INCOMING_SOURCES)[number];

/** Shares of incoming records per source: most arrive from outside the CRM. */
export const INCOMING_SOURCE_WEIGHTS: ReadonlyArray<readonly [IncomingSource, number]> = [
  ['crm', 30],
  ['web_form', 35],
  ['partner_feed', 35],
];

const UPPER_CASE_FIELDS = ['companyName', 'contactName', 'addressLine1', 'addressLine2', 'city'] as const;

function restylePhone(written: string, country: CountryCode, style: PhoneStyle): string {
  const parsed = parsePhoneNumberFromString(written, country as PhoneCountry);
  return parsed ? formatPhone(parsed.number, style) : written;
}

/** "https://www.acme.com/" → "acme.com": what people type into a web form. */
function bareDomain(website: string): string {
  return website.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '');
}

function writeAsPartnerFeed(record: CustomerRecord, country: CountryCode): CustomerRecord {
  const written: CustomerRecord = { ...record };
  for (const field of UPPER_CASE_FIELDS) written[field] = record[field]?.toUpperCase() ?? null;
  if (record.phone) written.phone = restylePhone(record.phone, country, 'e164');
  if (record.country) written.country = country;
  if (record.website) written.website = `https://www.${bareDomain(record.website)}`;
  return written;
}

function writeAsWebForm(record: CustomerRecord, country: CountryCode, random: Random): CustomerRecord {
  const written: CustomerRecord = { ...record };
  if (record.phone) written.phone = restylePhone(record.phone, country, random.pick(['digits', 'dashed'] as const));
  if (record.country) written.country = COUNTRIES[country].name;
  if (record.website) written.website = bareDomain(record.website);
  if (record.email && random.chance(0.2)) written.email = record.email.replace(/^./, (first) => first.toUpperCase());
  return written;
}

/** Which named perturbations the source's habits amount to, compared with the record before. */
function differences(before: CustomerRecord, after: CustomerRecord): PerturbationKind[] {
  const kinds: PerturbationKind[] = [];
  if (UPPER_CASE_FIELDS.some((field) => before[field] !== after[field])) kinds.push('case_change');
  if (before.phone !== after.phone) kinds.push('phone_format');
  if (before.country !== after.country) kinds.push('country_format');
  if (before.website !== after.website) kinds.push('website_format');
  if (before.email !== after.email) kinds.push('case_change');
  return [...new Set(kinds)];
}

/** Writes a record the way a source would; returns it with the re-writings that changed something. */
export function writeAsSource(
  record: CustomerRecord,
  source: IncomingSource,
  country: CountryCode,
  random: Random,
): { record: CustomerRecord; changes: PerturbationKind[] } {
  if (source === 'crm') return { record, changes: [] };
  const written = source === 'partner_feed' ? writeAsPartnerFeed(record, country) : writeAsWebForm(record, country, random);
  return { record: written, changes: differences(record, written) };
}
