// Look-alikes of existing customers that are different companies: the records a linker that
// trusts one field too much will merge. Each keeps what makes it look alike and differs in the
// identifiers (phone, e-mail, website, address) a careful reader would check.
import type { CompanyFactory, CompanyProfile } from './company';
import { pickLegalForm, renderCompanyName, type CompanyName } from './company-name';
import { COUNTRIES, COUNTRY_CODES } from './countries';
import { otherUnit } from './address';
import { freeMailLocalPart } from './people';
import type { Random } from './random';
import { GROUP_DESCRIPTORS, INDUSTRIES } from './words';

export const HARD_NEGATIVE_KINDS = ['same_name_other_location', 'sibling_brand', 'shared_free_mail', 'shared_office'] as const;
export type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];

/** Can this customer have a look-alike of this kind? (A shared free-mail domain needs a free-mail customer.) */
export function hardNegativeApplies(kind: HardNegativeKind, customer: CompanyProfile): boolean {
  if (kind === 'shared_free_mail') return customer.contact !== null && customer.emailDomain !== customer.domain;
  return true;
}

/** The same name in another city or country: a different legal entity with its own phone, domain and address. */
function sameNameOtherLocation(customer: CompanyProfile, factory: CompanyFactory, random: Random): CompanyProfile {
  const otherCountry = random.chance(0.35);
  const country = otherCountry ? COUNTRIES[random.pick(COUNTRY_CODES.filter((code) => code !== customer.country.code))] : customer.country;
  const cities = country.cities.filter((city) => city.name !== customer.city.name);
  const name: CompanyName = {
    ...customer.name,
    legalForm: otherCountry || random.chance(0.5) ? pickLegalForm(country, random) : customer.name.legalForm,
  };
  return factory.make({ country, city: random.pick(cities), name, industry: random.chance(0.7) ? customer.industry : undefined });
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
  return factory.make({ country: customer.country, city, name, industry });
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

/** A different company in the same building: same street address, another suite, its own phone. */
function sharedOffice(customer: CompanyProfile, factory: CompanyFactory, random: Random): CompanyProfile {
  const neighbour = factory.make({ country: customer.country, city: customer.city });
  // Offices in one building often share the switchboard's leading digits; the line differs.
  const prefix = customer.phoneE164.slice(0, -4);
  let phone = `${prefix}${random.digits(4)}`;
  while (factory.registry.phones.has(phone)) phone = `${prefix}${random.digits(4)}`;
  factory.registry.phones.add(phone);
  return {
    ...neighbour,
    phoneE164: phone,
    address: { line1: customer.address.line1, line2: otherUnit(customer.address.line2, customer.country, random) },
    postalCode: customer.postalCode,
    cityWritten: customer.cityWritten,
    stateWritten: customer.stateWritten,
    countryWritten: customer.countryWritten,
  };
}

export function makeHardNegative(
  kind: HardNegativeKind,
  customer: CompanyProfile,
  factory: CompanyFactory,
  random: Random,
): CompanyProfile {
  switch (kind) {
    case 'same_name_other_location':
      return sameNameOtherLocation(customer, factory, random);
    case 'sibling_brand':
      return siblingBrand(customer, factory, random);
    case 'shared_free_mail':
      return sharedFreeMail(customer, factory, random);
    case 'shared_office':
      return sharedOffice(customer, factory, random);
  }
}
