// Look-alikes of existing customers that are different companies: the records a linker that
// trusts one field too much will merge. Each keeps what makes it look alike and differs in the
// identifiers (phone, e-mail, website, address) a careful reader would check; another business at
// the same premises may share even those, and differs in its name, its people and its figures.
import type { CustomerRecord } from '@/lib/matching/types';
import type { CompanyFactory, CompanyProfile } from './company';
import { domainLabels, pickLegalForm, renderCompanyName, type CompanyName } from './company-name';
import { asciiSlug } from './text';
import { COUNTRIES, COUNTRY_CODES } from './countries';
import { otherUnit } from './address';
import { freeMailLocalPart, workLocalPart, type PersonName } from './people';
import type { Random } from './random';
import { GROUP_DESCRIPTORS, INDUSTRIES } from './words';

export const HARD_NEGATIVE_KINDS = ['same_name_other_location', 'franchise_branch', 'sibling_brand', 'shared_free_mail', 'shared_office', 'same_premises'] as const;
export type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];

/** Shares of the look-alike kinds (see the module comment of generate.ts). */
export const HARD_NEGATIVE_WEIGHTS: ReadonlyArray<readonly [HardNegativeKind, number]> = [
  ['same_name_other_location', 20],
  ['franchise_branch', 25],
  ['sibling_brand', 25],
  ['shared_office', 15],
  ['shared_free_mail', 15],
  ['same_premises', 15],
];

/**
 * Share of look-alikes that arrive with only the name and one or two decisive fields: with little
 * else to go on, only a correctly normalised domain or phone tells them apart from the customer.
 */
export const SPARSE_LOOK_ALIKE_SHARE: Record<HardNegativeKind, number> = {
  same_name_other_location: 0.7,
  franchise_branch: 0.6,
  sibling_brand: 0.5,
  shared_office: 0,
  shared_free_mail: 0,
  same_premises: 0,
};

/** Fields a look-alike of this kind always keeps: the suite is what makes the premises the same. */
export const KEPT_LOOK_ALIKE_FIELDS: Partial<Record<HardNegativeKind, ReadonlyArray<keyof CustomerRecord>>> = {
  same_premises: ['addressLine2'],
};

/** Can this customer have a look-alike of this kind? (A shared free-mail domain needs a free-mail customer.) */
export function hardNegativeApplies(kind: HardNegativeKind, customer: CompanyProfile): boolean {
  if (kind === 'shared_free_mail') return customer.contact !== null && customer.emailDomain !== customer.domain;
  return true;
}

/**
 * The same name at another address: a different legal entity with its own phone, domain and
 * address. Common names ("Summit Dental") recur even within one city; the rest move to another
 * city or country. (Same name, city and trade on purpose is `franchiseBranch`.)
 */
function sameNameOtherLocation(customer: CompanyProfile, factory: CompanyFactory, random: Random): CompanyProfile {
  const where = random.weighted([['same_city', 20], ['same_country', 50], ['other_country', 30]] as const);
  const country =
    where === 'other_country' ? COUNTRIES[random.pick(COUNTRY_CODES.filter((code) => code !== customer.country.code))] : customer.country;
  const city = where === 'same_city' ? customer.city : random.pick(country.cities.filter((other) => other.name !== customer.city.name));
  const name: CompanyName = {
    ...customer.name,
    legalForm: where === 'other_country' || random.chance(0.5) ? pickLegalForm(country, random) : customer.name.legalForm,
  };
  // Its own domain, not the customer's label under another TLD: acme.net beside acme.com could be
  // one company's second domain, acmedenver.com is plainly someone else's.
  const customerLabel = customer.domain.split('.')[0];
  const labels = domainLabels(name)
    .map((label) => `${label}${asciiSlug(city.name)}`)
    .concat(domainLabels(name).slice(1).filter((label) => label !== customerLabel && !label.startsWith(`${customerLabel}-`)));
  return factory.make({ country, city, name, industry: random.chance(0.7) ? customer.industry : undefined, domainLabels: labels });
}

/** Words a branch or namesake in the same city puts beside the name in its domain. */
const BRANCH_DOMAIN_WORDS = ['downtown', 'north', 'south', 'east', 'west', 'central', 'city', 'local', 'group', 'pro', 'team', 'direct'];

/**
 * The same name, city and trade as the customer, and nothing else: a franchise branch or a local
 * namesake registered as its own company, with its own legal form, phone line, domain, street
 * address and people. Only the identifiers tell the two apart.
 */
function franchiseBranch(customer: CompanyProfile, factory: CompanyFactory, random: Random): CompanyProfile {
  const name: CompanyName = { ...customer.name, legalForm: random.chance(0.5) ? pickLegalForm(customer.country, random) : customer.name.legalForm };
  const labels = domainLabels(name).slice(0, 2);
  const words = random.sample(BRANCH_DOMAIN_WORDS, 3);
  const branchLabels = [...words.map((word) => `${labels[0]}${word}`), ...words.map((word) => `${labels[0]}-${word}`), `${labels[0]}${asciiSlug(customer.city.name)}`];
  return factory.make({ country: customer.country, city: customer.city, name, industry: customer.industry, domainLabels: branchLabels });
}

/** Another company under the same brand word ("Acme Labs" vs "Acme Holdings"), often in the same city. */
function siblingBrand(customer: CompanyProfile, factory: CompanyFactory, random: Random): CompanyProfile {
  const industry = random.pick(INDUSTRIES);
  const language = customer.country.streetStyle;
  const descriptors = [...GROUP_DESCRIPTORS, ...industry.descriptors[language]].filter((word) => word !== customer.name.descriptor);
  const name: CompanyName = {
    brand: customer.name.brand,
    descriptor: random.pick(descriptors),
    legalForm: pickLegalForm(customer.country, random),
    hasThe: false,
    isPartnership: customer.name.isPartnership,
  };
  // Not the exact name of another existing company: that would be a different kind of look-alike.
  for (let attempt = 0; attempt < 10 && factory.registry.names.has(renderCompanyName(name).toLowerCase()); attempt += 1) {
    name.descriptor = random.pick(descriptors);
  }
  const city = random.chance(0.6) ? customer.city : random.pick(customer.country.cities);
  const sibling = factory.make({ country: customer.country, city, name, industry });
  // Group companies often sit in one building, on different floors.
  return city === customer.city && random.chance(0.5) ? inSameBuilding(sibling, customer, random) : sibling;
}

/** A different company nearby whose contact also writes from the same free-mail provider. */
function sharedFreeMail(customer: CompanyProfile, factory: CompanyFactory, random: Random): CompanyProfile {
  const lookAlike = factory.make({
    country: customer.country,
    city: customer.city,
    industry: random.chance(0.6) ? customer.industry : undefined,
  });
  const contact = factory.person(customer.country);
  // Half share the customer contact's family name as well: "J. Miller at gmail" is not one person.
  if (customer.contact && random.chance(0.5)) contact.last = customer.contact.last;
  let localPart = freeMailLocalPart(contact, random);
  while (localPart === customer.emailLocalPart) localPart = `${localPart}${random.int(1, 9)}`;
  return { ...lookAlike, contact, emailDomain: customer.emailDomain, emailLocalPart: localPart };
}

/** Moves a company into the customer's building: same street address, another unit. */
function inSameBuilding(company: CompanyProfile, customer: CompanyProfile, random: Random): CompanyProfile {
  return {
    ...company,
    address: { line1: customer.address.line1, line2: otherUnit(customer.address.line2, customer.country, random) },
    postalCode: customer.postalCode,
    cityWritten: customer.cityWritten,
    stateWritten: customer.stateWritten,
    countryWritten: customer.countryWritten,
  };
}

/** A different company in the same building: same street address, another suite, its own phone. */
function sharedOffice(customer: CompanyProfile, factory: CompanyFactory, random: Random): CompanyProfile {
  const neighbour = inSameBuilding(factory.make({ country: customer.country, city: customer.city }), customer, random);
  // Offices in one building often share the switchboard's leading digits; the line differs.
  const prefix = customer.phoneE164.slice(0, -4);
  let phone = `${prefix}${random.digits(4)}`;
  while (factory.registry.phones.has(phone)) phone = `${prefix}${random.digits(4)}`;
  factory.registry.phones.add(phone);
  return { ...neighbour, phoneE164: phone };
}

/** Shares of other businesses at the customer's premises that answer on its switchboard, and that use its web domain. */
const SAME_PREMISES_SHARES = { switchboard: 0.6, domain: 0.3 } as const;

/** Someone whose given and family name both differ from the customer contact's. */
function ownContact(customer: CompanyProfile, factory: CompanyFactory): PersonName {
  const unlike = (person: PersonName) => !customer.contact || (person.first !== customer.contact.first && person.last !== customer.contact.last);
  let contact = factory.person(customer.country);
  for (let attempt = 0; attempt < 20 && !unlike(contact); attempt += 1) contact = factory.person(customer.country);
  return contact;
}

/**
 * Another business at the customer's premises: the same street line, suite, postal code and city,
 * often the same switchboard, sometimes the same web domain (a shared office or a group domain). Only
 * its name, its people, its e-mail and its figures say it is someone else.
 */
function samePremises(customer: CompanyProfile, factory: CompanyFactory, random: Random): CompanyProfile {
  const industry = random.chance(0.5) ? customer.industry : random.pick(INDUSTRIES);
  const name = factory.nameUnlike(customer.name, industry, customer.country);
  const business = factory.make({ country: customer.country, city: customer.city, name, industry });
  const contact = ownContact(customer, factory);
  const customerShowsDomain = customer.website !== null || customer.emailDomain === customer.domain;
  const sharesDomain = customerShowsDomain && random.chance(SAME_PREMISES_SHARES.domain);
  const domain = sharesDomain ? customer.domain : business.domain;
  let emailLocalPart = workLocalPart(contact, random);
  if (sharesDomain && emailLocalPart === customer.emailLocalPart) emailLocalPart = `${asciiSlug(contact.first)}.${asciiSlug(contact.last)}`;
  return {
    ...business,
    contact,
    domain,
    emailDomain: domain,
    emailLocalPart,
    website: sharesDomain ? customer.website : business.website,
    phoneE164: random.chance(SAME_PREMISES_SHARES.switchboard) ? customer.phoneE164 : business.phoneE164,
    address: { ...customer.address },
    postalCode: customer.postalCode,
    cityWritten: customer.cityWritten,
    stateWritten: customer.stateWritten,
    countryWritten: customer.countryWritten,
  };
}

/**
 * Sparse look-alikes keep the name and one or two fields, at least one of them decisive (a website
 * or company e-mail on another domain), never only a phone or a city.
 */
export const SPARSE_LOOK_ALIKE_TEMPLATES: ReadonlyArray<ReadonlyArray<keyof CustomerRecord>> = [
  ['companyName', 'website'],
  ['companyName', 'email', 'city'],
  ['companyName', 'website', 'phone'],
  ['companyName', 'email'],
];

export function makeHardNegative(
  kind: HardNegativeKind,
  customer: CompanyProfile,
  factory: CompanyFactory,
  random: Random,
): CompanyProfile {
  switch (kind) {
    case 'same_name_other_location':
      return sameNameOtherLocation(customer, factory, random);
    case 'franchise_branch':
      return franchiseBranch(customer, factory, random);
    case 'sibling_brand':
      return siblingBrand(customer, factory, random);
    case 'shared_free_mail':
      return sharedFreeMail(customer, factory, random);
    case 'shared_office':
      return sharedOffice(customer, factory, random);
    case 'same_premises':
      return samePremises(customer, factory, random);
  }
}
