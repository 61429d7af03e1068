// What an incoming record and a customer have in common once the incoming source's habits are undone
// (case, phone layout, website form, legal form): shared by the generator's tests.
import type { LabelledRecord } from '@/lib/evaluation/datasets/types';
import { COUNTRIES, COUNTRY_CODES } from './countries';
import { LEGAL_FORM_SPELLINGS } from './words';

export const FREE_MAIL = new Set(COUNTRY_CODES.flatMap((code) => COUNTRIES[code].freeMailDomains));
const LEGAL_FORMS = LEGAL_FORM_SPELLINGS.flat().sort((a, b) => b.length - a.length);

// Incoming sources re-write case, phone layout and website form; the tests compare what survives that.
export const phoneTail = (phone: string | null | undefined) => phone?.replace(/\D/g, '').slice(-7) ?? null;
// Upper-casing turns ß into SS, so compare with ß written as ss.
export const lower = (text: string | null | undefined) => text?.toLowerCase().replace(/ß/g, 'ss') ?? null;
export const siteDomain = (website: string | null | undefined) =>
  lower(website)?.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '') ?? null;
export const withoutLegalForm = (name: string) => {
  const form = LEGAL_FORMS.find((candidate) => name.toLowerCase().endsWith(` ${candidate.toLowerCase()}`));
  return lower((form ? name.slice(0, -form.length - 1) : name).replace(/^the /i, ''))!;
};

const companyMailDomain = (email: string | null | undefined) => {
  const domain = lower(email)?.split('@')[1];
  return domain && !FREE_MAIL.has(domain) ? domain : null;
};
/** The company's own domains on a record: its website's and its e-mail's unless that is free-mail. */
export const companyDomains = (record: LabelledRecord) => [siteDomain(record.website), companyMailDomain(record.email)].filter(Boolean);

/**
 * Identifiers on which an incoming record agrees exactly with a customer once normalised (phone
 * layout, case, website form; a company domain on the website of one and the e-mail of the other).
 */
export function agreeingIdentifiers(incoming: LabelledRecord, customer: LabelledRecord): string[] {
  const agree: string[] = [];
  if (incoming.phone && phoneTail(incoming.phone) === phoneTail(customer.phone)) agree.push('phone');
  if (incoming.email && lower(incoming.email) === lower(customer.email)) agree.push('email');
  if (incoming.website && siteDomain(incoming.website) === siteDomain(customer.website)) agree.push('website');
  if (companyDomains(incoming).some((domain) => companyDomains(customer).includes(domain))) agree.push('domain');
  if (incoming.addressLine1 && incoming.postalCode === customer.postalCode) agree.push('address');
  return agree;
}
