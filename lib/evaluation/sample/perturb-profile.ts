// Perturbations that re-write a part of the customer's profile before it is rendered: legal form,
// "The", word order, contact-name style, street type, ordinal, city alias, e-mail domain, phone style.
import type { CustomerRecord } from '@/lib/matching/types';
import { IdentityRegistry, profileToRecord, type CompanyProfile } from './company';
import { pickLegalForm } from './company-name';
import { COUNTRIES } from './countries';
import { freeMailLocalPart, PeopleNames, workLocalPart } from './people';
import type { PerturbationKind } from './perturbation-kinds';
import { formatPhone, PHONE_STYLES } from './phone';
import type { Random } from './random';
import { LEGAL_FORM_SPELLINGS, NICKNAMES, ORDINALS, STREET_ABBREVIATIONS } from './words';

export interface VariantDraft {
  profile: CompanyProfile;
  contactFirstWritten: string | null;
  contactInitials: boolean;
  contactLastFirst: boolean;
}

export interface PerturbationContext {
  random: Random;
  registry: IdentityRegistry;
  /** Names for a different contact person at the same company. */
  people: PeopleNames;
}

export function startDraft(customer: CompanyProfile): VariantDraft {
  const profile = { ...customer, name: { ...customer.name }, address: { ...customer.address } };
  return { profile, contactFirstWritten: customer.contact?.first ?? null, contactInitials: false, contactLastFirst: false };
}

export function renderDraft(draft: VariantDraft): CustomerRecord {
  const record = profileToRecord(draft.profile);
  const contact = draft.profile.contact;
  if (contact && draft.contactFirstWritten) {
    const first = draft.contactInitials ? `${draft.contactFirstWritten[0]}.` : draft.contactFirstWritten;
    record.contactName = draft.contactLastFirst ? `${contact.last}, ${first}` : `${first} ${contact.last}`;
  }
  return record;
}

type ProfilePerturbation = (draft: VariantDraft, context: PerturbationContext) => boolean;

const legalFormChange: ProfilePerturbation = ({ profile }, { random }) => {
  const current = profile.name.legalForm;
  if (!current) {
    const added = pickLegalForm(profile.country, random);
    profile.name.legalForm = added || (profile.country.legalForms[0]?.[0] ?? '');
    return profile.name.legalForm !== '';
  }
  const spellings = LEGAL_FORM_SPELLINGS.find((row) => row.includes(current)) ?? [current];
  profile.name.legalForm = random.pick([...spellings.filter((spelling) => spelling !== current), '']);
  return true;
};

const thePrefix: ProfilePerturbation = ({ profile }) => {
  if (profile.name.isPartnership || (profile.country.streetStyle !== 'en' && !profile.name.hasThe)) return false;
  profile.name.hasThe = !profile.name.hasThe;
  return true;
};

const companyWordOrder: ProfilePerturbation = ({ profile }) => {
  const { name } = profile;
  if (name.isPartnership) {
    name.brand = name.brand.split(' & ').reverse().join(' & ');
    return true;
  }
  if (!name.descriptor) return false;
  [name.brand, name.descriptor] = [name.descriptor, name.brand];
  return true;
};

const contactInitials: ProfilePerturbation = (draft) => {
  if (!draft.profile.contact || draft.contactInitials) return false;
  draft.contactInitials = true;
  return true;
};

const contactNickname: ProfilePerturbation = (draft, { random }) => {
  const nicknames = draft.profile.contact ? NICKNAMES[draft.profile.contact.first] : undefined;
  if (!nicknames || draft.contactInitials) return false;
  draft.contactFirstWritten = random.pick(nicknames);
  return true;
};

const contactNameOrder: ProfilePerturbation = (draft) => {
  if (!draft.profile.contact || draft.contactLastFirst) return false;
  draft.contactLastFirst = true;
  return true;
};

/** Someone else at the same company sent it: another name, their own work address on the company domain. */
const otherContact: ProfilePerturbation = (draft, { random, people }) => {
  const { profile } = draft;
  const person = people.person(profile.country.code);
  if (profile.contact && person.first === profile.contact.first && person.last === profile.contact.last) return false;
  profile.contact = person;
  profile.emailDomain = profile.domain;
  profile.emailLocalPart = workLocalPart(person, random);
  draft.contactFirstWritten = person.first;
  return true;
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Abbreviates a full street type, or writes out an abbreviated one, in line 1 (or Suite in line 2). */
const streetAbbreviation: ProfilePerturbation = ({ profile }, { random }) => {
  const { address } = profile;
  for (const [full, short] of random.shuffle(STREET_ABBREVIATIONS[profile.country.streetStyle])) {
    // German and Dutch street types are glued to the name ("Hauptstraße 12"), so no word boundary before them.
    const before = /^[a-z]/.test(full) ? '' : '\\b';
    const fullPattern = new RegExp(`${before}${escapeRegExp(full)}(?=$|\\s)`);
    const shortPattern = new RegExp(`${before}${escapeRegExp(short)}(?=$|\\s)`);
    for (const key of ['line1', 'line2'] as const) {
      const text = address[key];
      if (!text) continue;
      if (fullPattern.test(text)) {
        const written = !short.endsWith('.') && random.chance(0.3) ? `${short}.` : short;
        address[key] = text.replace(fullPattern, written);
        return true;
      }
      if (shortPattern.test(text)) {
        address[key] = text.replace(shortPattern, full);
        return true;
      }
    }
  }
  return false;
};

const ordinal: ProfilePerturbation = ({ profile }) => {
  for (const [word, number] of ORDINALS) {
    const line1 = profile.address.line1;
    if (new RegExp(`\\b${word}\\b`).test(line1)) profile.address.line1 = line1.replace(new RegExp(`\\b${word}\\b`), number);
    else if (new RegExp(`\\b${number}\\b`).test(line1)) profile.address.line1 = line1.replace(new RegExp(`\\b${number}\\b`), word);
    else continue;
    return true;
  }
  return false;
};

const cityAlias: ProfilePerturbation = ({ profile }, { random }) => {
  const names = [profile.city.name, ...profile.city.aliases].filter((name) => name !== profile.cityWritten);
  if (profile.city.aliases.length === 0) return false;
  profile.cityWritten = random.pick(names);
  return true;
};

/** Country names as people write them besides the ISO code. */
const COUNTRY_SPELLINGS: Record<string, string[]> = {
  US: ['United States', 'USA', 'U.S.A.', 'United States of America'], GB: ['United Kingdom', 'UK', 'Great Britain'],
  DE: ['Germany', 'Deutschland'], FR: ['France'], AU: ['Australia'], CA: ['Canada'], NL: ['Netherlands', 'The Netherlands', 'Nederland'],
};

const countryFormat: ProfilePerturbation = ({ profile }, { random }) => {
  const code = profile.country.code;
  const options = [code, COUNTRIES[code].name, ...COUNTRY_SPELLINGS[code]].filter((name) => name !== profile.countryWritten);
  profile.countryWritten = random.pick([...new Set(options)]);
  return true;
};

/** Work e-mail moves to a private account, a private one to work, or the company uses a second TLD. */
const emailDomainChange: ProfilePerturbation = ({ profile }, { random, registry }) => {
  if (!profile.contact) return false;
  if (profile.emailDomain !== profile.domain) {
    profile.emailDomain = profile.domain;
    profile.emailLocalPart = workLocalPart(profile.contact, random);
    return true;
  }
  const label = profile.domain.split('.')[0];
  const otherTld = random.pick(['com', 'net', 'co', 'biz', ...profile.country.tlds].filter((tld) => !profile.domain.endsWith(`.${tld}`)));
  if (random.chance(0.5) && !registry.domains.has(`${label}.${otherTld}`)) {
    profile.emailDomain = `${label}.${otherTld}`;
  } else {
    profile.emailDomain = random.pick(profile.country.freeMailDomains);
    profile.emailLocalPart = freeMailLocalPart(profile.contact, random);
  }
  return true;
};

const phoneFormat: ProfilePerturbation = ({ profile }, { random }) => {
  const written = formatPhone(profile.phoneE164, profile.phoneStyle);
  const others = PHONE_STYLES.filter((style) => formatPhone(profile.phoneE164, style) !== written);
  profile.phoneStyle = random.pick(others);
  return true;
};

/** The same site written another way: with or without scheme, www or trailing slash. */
const websiteFormat: ProfilePerturbation = ({ profile }, { random }) => {
  if (!profile.website) return false;
  const domain = profile.website.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '');
  const forms = [`https://www.${domain}`, `www.${domain}`, `http://${domain}`, domain, `https://${domain}/`];
  profile.website = random.pick(forms.filter((form) => form !== profile.website));
  return true;
};

/** Figures from another year: revenue and head count drift a little. */
const figuresUpdated: ProfilePerturbation = ({ profile }, { random }) => {
  if (profile.revenue === null && profile.employeeCount === null) return false;
  if (profile.revenue !== null) profile.revenue = Math.round((profile.revenue * (1 + (random.next() - 0.4) * 0.3)) / 1000) * 1000;
  if (profile.employeeCount !== null) {
    profile.employeeCount = Math.max(1, profile.employeeCount + Math.round(profile.employeeCount * (random.next() - 0.4) * 0.2));
  }
  return true;
};

export const PROFILE_PERTURBATIONS: Partial<Record<PerturbationKind, ProfilePerturbation>> = {
  legal_form_change: legalFormChange,
  the_prefix: thePrefix,
  company_word_order: companyWordOrder,
  contact_initials: contactInitials,
  contact_nickname: contactNickname,
  contact_name_order: contactNameOrder,
  other_contact: otherContact,
  street_abbreviation: streetAbbreviation,
  ordinal,
  city_alias: cityAlias,
  country_format: countryFormat,
  email_domain_change: emailDomainChange,
  phone_format: phoneFormat,
  website_format: websiteFormat,
  figures_updated: figuresUpdated,
};
