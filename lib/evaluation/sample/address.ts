// Street addresses in each country's own layout ("12 Oak Street", "Hauptstraße 12",
// "12 Rue de la Paix", "Kerkstraat 12"), with the unit or floor line people add.
import type { Country } from './countries';
import type { Random } from './random';
import {
  DE_STREET_STEMS,
  DE_STREET_SUFFIXES,
  EN_STREET_NAMES,
  EN_STREET_TYPES,
  FR_STREETS,
  NL_STREET_STEMS,
  NL_STREET_SUFFIXES,
  ORDINALS,
  STREET_ABBREVIATIONS,
} from './words';

export interface StreetAddress {
  line1: string;
  line2: string | null;
}

function englishLine1(country: Country, random: Random): string {
  const types = EN_STREET_TYPES[country.code as keyof typeof EN_STREET_TYPES];
  // Numbered streets are common in North American grids, rare elsewhere.
  const ordinalShare = country.code === 'US' || country.code === 'CA' ? 0.18 : 0.04;
  const [ordinalWord, ordinalNumber] = random.pick(ORDINALS);
  const name = random.chance(ordinalShare) ? (random.chance(0.6) ? ordinalWord : ordinalNumber) : random.pick(EN_STREET_NAMES);
  let type = random.pick(types);
  if (random.chance(0.25)) {
    const abbreviation = STREET_ABBREVIATIONS.en.find(([full]) => full === type)?.[1];
    if (abbreviation) type = abbreviation;
  }
  const houseNumber = country.code === 'GB' ? random.int(1, 250) : random.int(1, 9800);
  return `${houseNumber} ${name} ${type}`;
}

function englishUnit(country: Country, random: Random): string {
  const unit = country.code === 'AU' ? random.pick(['Level', 'Suite']) : random.pick(['Suite', 'Suite', 'Floor', 'Unit']);
  const number = unit === 'Suite' ? random.int(1, 19) * 100 + random.int(0, 20) : random.int(1, 30);
  return `${unit} ${number}`;
}

/** A floor or unit written the local way. */
function unitFor(country: Country, random: Random): string {
  switch (country.streetStyle) {
    case 'en':
      return englishUnit(country, random);
    case 'de':
      return `${random.int(1, 6)}. OG`;
    case 'fr':
      return random.pick(['Bâtiment B', 'Bâtiment A', `${random.int(2, 8)}e étage`]);
    case 'nl':
      return `${random.int(1, 9)}e verdieping`;
  }
}

/** How often a company's address carries a unit or floor line, by layout. */
const UNIT_LINE_SHARE = { en: 0.3, de: 0.1, fr: 0.15, nl: 0.05 } as const;

function line1For(country: Country, random: Random): string {
  switch (country.streetStyle) {
    case 'en':
      return englishLine1(country, random);
    case 'de':
      return `${random.pick(DE_STREET_STEMS)}${random.pick(DE_STREET_SUFFIXES)} ${random.int(1, 180)}`;
    case 'fr':
      return `${random.int(1, 220)} ${random.pick(FR_STREETS)}`;
    case 'nl':
      return `${random.pick(NL_STREET_STEMS)}${random.pick(NL_STREET_SUFFIXES)} ${random.int(1, 400)}`;
  }
}

export function makeStreetAddress(country: Country, random: Random): StreetAddress {
  const line1 = line1For(country, random);
  const line2 = random.chance(UNIT_LINE_SHARE[country.streetStyle]) ? unitFor(country, random) : null;
  return { line1, line2 };
}

/** Another unit in the same building, for a different company sharing an office address. */
export function otherUnit(line2: string | null, country: Country, random: Random): string {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const unit = unitFor(country, random);
    if (unit !== line2) return unit;
  }
  return `${line2} B`;
}
