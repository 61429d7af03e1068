// Company names as parts (brand, descriptor, legal form), so that variants and look-alikes can
// change one part and keep the others.
import type { Country } from './countries';
import type { Random } from './random';
import { asciiSlug } from './text';
import {
  COINED_MIDDLES,
  COINED_PREFIXES,
  COINED_SUFFIXES,
  DICTIONARY_BRANDS,
  GROUP_DESCRIPTORS,
  PLACE_BRANDS,
  type Industry,
} from './words';

export interface CompanyName {
  /** The distinctive part: "Bluepeak", "Pacific Coast", "Keller", or "Hartmann & Vogel". */
  brand: string;
  /** What the business is: "Logistics", "Maschinenbau"; empty for "Hartmann & Vogel". */
  descriptor: string;
  legalForm: string;
  hasThe: boolean;
  /** "Hartmann & Vogel": the two names can be written in either order. */
  isPartnership: boolean;
}

export function coreName(name: CompanyName): string {
  return [name.brand, name.descriptor].filter(Boolean).join(' ');
}

/** The brand's words in lower case: "Hartmann & Vogel" → hartmann, vogel. */
export function brandWords(name: CompanyName): string[] {
  return name.brand.toLowerCase().split(/[\s&]+/).filter(Boolean);
}

export function renderCompanyName(name: CompanyName): string {
  return [name.hasThe ? 'The' : '', coreName(name), name.legalForm].filter(Boolean).join(' ');
}

export function coinedBrand(random: Random): string {
  const middle = random.chance(0.5) ? random.pick(COINED_MIDDLES) + random.pick(COINED_MIDDLES) : random.pick(COINED_MIDDLES);
  return random.pick(COINED_PREFIXES) + middle.replace(/(.)\1/, '$1') + random.pick(COINED_SUFFIXES);
}

export function descriptorFor(industry: Industry, country: Country, random: Random): string {
  const language = country.streetStyle;
  return random.pick(industry.descriptors[language]);
}

export function pickLegalForm(country: Country, random: Random): string {
  return random.weighted(country.legalForms);
}

/** A new company name for a business in `industry`; `surnames` supplies family names of the country. */
export function makeCompanyName(industry: Industry, country: Country, random: Random, surname: () => string): CompanyName {
  const pattern = random.weighted([
    ['coined', 35],
    ['dictionary', 22],
    ['place', 8],
    ['surname', 22],
    ['partnership', 13],
  ] as const);
  const legalForm = pickLegalForm(country, random);
  const hasThe = country.streetStyle === 'en' && pattern !== 'partnership' && random.chance(0.08);
  if (pattern === 'partnership') {
    const first = surname();
    let second = surname();
    for (let attempt = 0; attempt < 3 && second === first; attempt += 1) second = surname();
    return { brand: `${first} & ${second}`, descriptor: '', legalForm, hasThe: false, isPartnership: true };
  }
  const brand =
    pattern === 'coined' ? coinedBrand(random)
    : pattern === 'dictionary' ? random.pick(DICTIONARY_BRANDS)
    : pattern === 'place' ? random.pick(PLACE_BRANDS)
    : surname();
  const descriptor = random.chance(0.06) ? random.pick(GROUP_DESCRIPTORS) : descriptorFor(industry, country, random);
  return { brand, descriptor, legalForm, hasThe, isPartnership: false };
}

/** Domain labels a company with this name might register, most likely first. */
export function domainLabels(name: CompanyName): string[] {
  const words = coreName(name).replace(/&/g, 'and').split(/\s+/).map(asciiSlug).filter(Boolean);
  const full = words.join('');
  const brand = asciiSlug(name.brand.replace(/ & .*/, ''));
  return [...new Set([full, words.join('-'), `${brand}${asciiSlug(name.descriptor).slice(0, 4)}`, `${full}hq`, `get${full}`])];
}
