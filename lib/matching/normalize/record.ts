// One customer record, normalised once: every comparison, blocking key and embedding text is
// derived from this, so the engine and the stored keys can never disagree.
import type { CustomerRecord } from '../types';
import { normalizeAddress, type NormalizedAddress } from './address';
import { normalizeCompanyName, type NormalizedCompany } from './company';
import { normalizeDate, type NormalizedDate } from './date';
import { normalizeEmail, type NormalizedEmail } from './email';
import { identifierKeys, normalizeIdentifiers, type NormalizedIdentifier } from './identifier';
import { normalizePersonName, type NormalizedPerson } from './person';
import { normalizePhone, type NormalizedPhone } from './phone';
import { blankToNull, cleanText } from './text';
import { websiteDomain } from './website';

export interface NormalizedRecord {
  raw: CustomerRecord;
  company: NormalizedCompany | null;
  contact: NormalizedPerson | null;
  email: NormalizedEmail | null;
  phone: NormalizedPhone | null;
  websiteDomain: string | null;
  /** The company's own domain: the website's, else a non-free-mail email domain. */
  companyDomain: string | null;
  address: NormalizedAddress;
  industry: string | null;
  revenue: number | null;
  employeeCount: number | null;
  dateOfBirth: NormalizedDate | null;
  identifiers: NormalizedIdentifier[];
}

/** Keys stored as indexed columns for blocking (exact lookups and trigram search). */
export interface MatchKeys {
  /** Core company name, or the person's name (order-insensitive key) when there is no company. */
  nameNormalized: string | null;
  legalForm: string | null;
  emailNormalized: string | null;
  /** Email domain when it is a company's (null for free-mail). */
  emailDomain: string | null;
  phoneE164: string | null;
  websiteDomain: string | null;
  postalCode: string | null;
  streetNumber: string | null;
  /** "passport:US:X1234", "vat:DE123456789": exact keys for the identifier candidate channel. */
  identifierKeys: string[];
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function normalizeRecord(record: CustomerRecord): NormalizedRecord {
  const address = normalizeAddress(record);
  const email = normalizeEmail(record.email);
  const website = websiteDomain(record.website);
  const emailCompanyDomain = email && !email.isFreeMail ? email.domain : null;
  return {
    raw: record,
    company: normalizeCompanyName(record.companyName),
    contact: normalizePersonName(record.contactName),
    email,
    phone: normalizePhone(record.phone, address.country),
    websiteDomain: website,
    companyDomain: website ?? emailCompanyDomain,
    address,
    industry: cleanText(record.industry),
    revenue: finiteOrNull(record.revenue),
    employeeCount: finiteOrNull(record.employeeCount),
    dateOfBirth: normalizeDate(record.dateOfBirth),
    identifiers: normalizeIdentifiers(record.identifiers),
  };
}

/** The record's primary name for blocking and display: company core, else the person. */
export function primaryName(normalized: NormalizedRecord): string | null {
  return normalized.company?.core ?? normalized.contact?.key ?? null;
}

/** normalized: the record's normalizeRecord, when the caller has it already (bulk writes normalise once). */
export function matchKeys(record: CustomerRecord, normalized = normalizeRecord(record)): MatchKeys {
  return {
    nameNormalized: primaryName(normalized),
    legalForm: normalized.company?.legalForm ?? null,
    emailNormalized: normalized.email?.address ?? null,
    emailDomain: normalized.email && !normalized.email.isFreeMail ? normalized.email.domain : null,
    phoneE164: normalized.phone?.e164 ?? null,
    websiteDomain: normalized.websiteDomain,
    postalCode: normalized.address.postalCode,
    streetNumber: normalized.address.streetNumber,
    identifierKeys: identifierKeys(normalized.identifiers),
  };
}

/**
 * Text fed to embedders. companyName is the primary name (company core, else the person);
 * fullProfile adds contact, address, domain and industry in a fixed order so that the same
 * facts always produce the same text.
 */
export function embeddingTexts(record: CustomerRecord, normalized = normalizeRecord(record)): { companyName: string; fullProfile: string } {
  const { address } = normalized;
  const name = primaryName(normalized) ?? '';
  const parts = [
    name,
    normalized.company ? normalized.contact?.display : null,
    [address.street, address.unit, address.extra].filter(Boolean).join(' '),
    [address.city, address.state, address.postalCode, address.country].filter(Boolean).join(' '),
    normalized.companyDomain,
    // A role mailbox's local part (info, sales) is the same word at every organisation.
    normalized.email?.isRole ? null : normalized.email?.local,
    normalized.phone?.last7,
    normalized.industry,
    cleanText(blankToNull(record.description)),
  ];
  return { companyName: name, fullProfile: parts.filter((part) => part && part.length > 0).join(' | ') };
}
