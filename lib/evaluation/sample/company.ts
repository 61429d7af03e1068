// One generated company as structured parts (the profile) and as the flat record a CRM would hold.
// Variants and look-alikes are made from the profile, so they know which part they changed.
import type { CustomerRecord } from '@/lib/matching/types';
import { makeStreetAddress, type StreetAddress } from './address';
import { brandWords, makeCompanyName, renderCompanyName, coreName, domainLabels, type CompanyName } from './company-name';
import { fillPostcode, landlineE164, pickCountry, type City, type Country } from './countries';
import { freeMailLocalPart, fullName, PeopleNames, workLocalPart, type PersonName } from './people';
import { formatPhone, pickPhoneStyle, type PhoneStyle } from './phone';
import type { Random } from './random';
import { INDUSTRIES, type Industry } from './words';

export interface CompanyProfile {
  country: Country;
  city: City;
  name: CompanyName;
  industry: Industry;
  contact: PersonName | null;
  /** The company's own registered domain (its website and, usually, its e-mail). */
  domain: string;
  emailLocalPart: string;
  emailDomain: string;
  phoneE164: string;
  phoneStyle: PhoneStyle;
  address: StreetAddress;
  postalCode: string;
  /** How this company's record writes country, city and state (code or name, alias or not). */
  countryWritten: string;
  cityWritten: string;
  stateWritten: string | null;
  website: string | null;
  revenue: number | null;
  employeeCount: number | null;
  description: string | null;
}

/** Keeps generated identities apart: no two companies get the same domain, phone or full name. */
export class IdentityRegistry {
  readonly domains = new Set<string>();
  readonly phones = new Set<string>();
  readonly names = new Set<string>();

  claimDomain(labels: string[], country: Country, random: Random): string {
    const tld = random.pick(country.tlds);
    for (const label of labels) {
      const domain = `${label}.${tld}`;
      if (!this.domains.has(domain)) return this.claim(this.domains, domain);
    }
    let domain = `${labels[0]}${random.int(2, 999)}.${tld}`;
    while (this.domains.has(domain)) domain = `${labels[0]}${random.int(2, 9999)}.${tld}`;
    return this.claim(this.domains, domain);
  }

  claimPhone(country: Country, city: City, random: Random): string {
    let phone = landlineE164(country, city, random);
    while (this.phones.has(phone)) phone = landlineE164(country, city, random);
    return this.claim(this.phones, phone);
  }

  private claim(set: Set<string>, value: string): string {
    set.add(value);
    return value;
  }
}

export interface CompanyOverrides {
  country?: Country;
  city?: City;
  name?: CompanyName;
  industry?: Industry;
  /** Domain labels to register instead of those derived from the name. */
  domainLabels?: string[];
}

function websiteFor(domain: string, random: Random): string | null {
  return random.weighted<string | null>([
    [`https://www.${domain}`, 40],
    [`www.${domain}`, 25],
    [`https://${domain}`, 12],
    [`http://www.${domain}/`, 8],
    [domain, 5],
    [null, 10],
  ]);
}

function sizeAndRevenue(industry: Industry, random: Random): { employeeCount: number; revenue: number } {
  // Company sizes are heavy-tailed: many small firms, a few large ones.
  const employeeCount = Math.max(1, Math.round(10 ** (0.4 + random.next() * 3.8)));
  const [low, high] = industry.revenuePerEmployee;
  const revenue = Math.round((employeeCount * (low + random.next() * (high - low))) / 1000) * 1000;
  return { employeeCount, revenue };
}

export class CompanyFactory {
  private readonly people: PeopleNames;

  constructor(
    private readonly random: Random,
    readonly registry: IdentityRegistry,
  ) {
    this.people = new PeopleNames(random.fork('people'));
  }

  /** A new company; overrides pin parts (a look-alike keeps the name, a neighbour the country). */
  make(overrides: CompanyOverrides = {}): CompanyProfile {
    const random = this.random;
    const country = overrides.country ?? pickCountry(random);
    const city = overrides.city ?? random.pick(country.cities);
    const industry = overrides.industry ?? random.pick(INDUSTRIES);
    const name = overrides.name ?? this.uniqueName(industry, country);
    this.registry.names.add(renderCompanyName(name).toLowerCase());

    const domain = this.registry.claimDomain(overrides.domainLabels ?? domainLabels(name), country, random);
    const contact = random.chance(0.95) ? this.people.person(country.code) : null;
    const freeMail = contact !== null && random.chance(0.15);
    const emailLocalPart = contact === null ? 'info' : freeMail ? freeMailLocalPart(contact, random) : workLocalPart(contact, random);
    const { employeeCount, revenue } = sizeAndRevenue(industry, random);

    return {
      country,
      city,
      name,
      industry,
      contact,
      domain,
      emailLocalPart,
      emailDomain: freeMail ? random.pick(country.freeMailDomains) : domain,
      phoneE164: this.registry.claimPhone(country, city, random),
      phoneStyle: pickPhoneStyle(random),
      address: makeStreetAddress(country, random),
      postalCode: fillPostcode(random.pick(city.postcodes), random),
      countryWritten: random.chance(0.8) ? country.code : country.name,
      cityWritten: city.name,
      // Europeans rarely write a region on a business address; North Americans and Australians do.
      stateWritten: country.streetStyle === 'en' || random.chance(0.3) ? city.state : null,
      website: websiteFor(domain, random),
      revenue: random.chance(0.9) ? revenue : null,
      employeeCount: random.chance(0.9) ? employeeCount : null,
      description: random.chance(0.85) ? `${coreName(name)} ${random.pick(industry.activities)}.` : null,
    };
  }

  /** Full names are kept unique so that only deliberate look-alikes share one. */
  private uniqueName(industry: Industry, country: Country): CompanyName {
    let name = makeCompanyName(industry, country, this.random, () => this.people.lastName(country.code));
    for (let attempt = 0; attempt < 20 && this.registry.names.has(renderCompanyName(name).toLowerCase()); attempt += 1) {
      name = makeCompanyName(industry, country, this.random, () => this.people.lastName(country.code));
    }
    return name;
  }

  /**
   * A unique name whose brand shares no word with `other`'s: another business's name, or a new name
   * for the same business, never a re-writing or typo of the old one.
   */
  nameUnlike(other: CompanyName, industry: Industry, country: Country): CompanyName {
    const taken = new Set(brandWords(other));
    let name = this.uniqueName(industry, country);
    for (let attempt = 0; attempt < 20 && brandWords(name).some((word) => taken.has(word)); attempt += 1) {
      name = this.uniqueName(industry, country);
    }
    return name;
  }

  lastName(country: Country): string {
    return this.people.lastName(country.code);
  }

  person(country: Country): PersonName {
    return this.people.person(country.code);
  }
}

export function profileToRecord(profile: CompanyProfile): CustomerRecord {
  return {
    companyName: renderCompanyName(profile.name),
    contactName: profile.contact ? fullName(profile.contact) : null,
    email: `${profile.emailLocalPart}@${profile.emailDomain}`,
    phone: formatPhone(profile.phoneE164, profile.phoneStyle),
    addressLine1: profile.address.line1,
    addressLine2: profile.address.line2,
    city: profile.cityWritten,
    state: profile.stateWritten,
    postalCode: profile.postalCode,
    country: profile.countryWritten,
    industry: profile.industry.name,
    revenue: profile.revenue,
    employeeCount: profile.employeeCount,
    website: profile.website,
    description: profile.description,
  };
}

