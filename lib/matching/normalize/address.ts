// Postal addresses: canonical street tokens (Street → st, First → 1st), the unit/suite split
// off, the street number apart, postal codes in one format, and region names as codes.
// Free-text lines that carry the whole address ("123 Main St, Las Vegas NV 89132") fill the
// city/state/postal fields only when those are missing: structured fields win.
import { countryCode, countryNamed, isKnownRegion, normalizeCity, stateCode } from './geo';
import { cleanText, words } from './text';

const STREET_WORDS: Record<string, string> = {
  street: 'st', str: 'st', strasse: 'st', avenue: 'ave', av: 'ave', aven: 'ave', boulevard: 'blvd',
  road: 'rd', drive: 'dr', lane: 'ln', court: 'ct', place: 'pl', terrace: 'ter', highway: 'hwy',
  parkway: 'pkwy', circle: 'cir', circuit: 'cct', square: 'sq', crescent: 'cres', close: 'cl',
  trail: 'trl', expressway: 'expy', freeway: 'fwy', plaza: 'plz', alley: 'aly', crossing: 'xing',
  grove: 'gr', heights: 'hts', point: 'pt', route: 'rte', turnpike: 'tpke', mount: 'mt',
  north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne', northwest: 'nw', southeast: 'se',
  southwest: 'sw', saint: 'st', fort: 'ft', post: 'po', pobox: 'po box',
};
const ORDINALS: Record<string, string> = {
  first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th', sixth: '6th',
  seventh: '7th', eighth: '8th', ninth: '9th', tenth: '10th', eleventh: '11th', twelfth: '12th',
};
/** Words that introduce a unit inside a building → canonical abbreviation. */
const UNIT_WORDS: Record<string, string> = {
  suite: 'ste', ste: 'ste', unit: 'unit', apt: 'apt', apartment: 'apt', appt: 'apt', flat: 'apt',
  floor: 'fl', fl: 'fl', room: 'rm', rm: 'rm', office: 'ofc', ofc: 'ofc', building: 'bldg',
  bldg: 'bldg', bld: 'bldg', no: 'unit', number: 'unit',
};

export interface AddressInput {
  addressLine1?: string | null;
  addressLine2?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

export interface NormalizedAddress {
  /** "123 n main st": number + canonical street words, unit excluded. */
  street: string | null;
  streetNumber: string | null;
  streetName: string | null;
  /** "ste 900". */
  unit: string | null;
  /** Other words of the lines that are neither street nor unit (building or locality names). */
  extra: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

/** A German-style compound ("hardenbergstrasse") keeps its stem and gets the canonical type. */
function canonicalStreetWord(word: string): string {
  if (STREET_WORDS[word]) return STREET_WORDS[word];
  if (ORDINALS[word]) return ORDINALS[word];
  const compound = /^(.{3,})(strasse|str)$/.exec(word);
  return compound ? `${compound[1]} st` : word;
}

/** Removes "suite 900" / "# 5" style units from a segment's words; returns the rest and the unit. */
function takeUnit(segmentWords: string[]): { rest: string[]; unit: string | null } {
  for (let i = 0; i < segmentWords.length - 1; i += 1) {
    const unitWord = UNIT_WORDS[segmentWords[i]];
    const value = segmentWords[i + 1];
    // "FL 60527" is Florida and a ZIP code, not floor 60527.
    const regionAndPostal = isKnownRegion(segmentWords[i]) && /^\d{5,}$/.test(value);
    if (unitWord && /\d/.test(value) && !regionAndPostal) {
      return { rest: [...segmentWords.slice(0, i), ...segmentWords.slice(i + 2)], unit: `${unitWord} ${value}` };
    }
  }
  return { rest: segmentWords, unit: null };
}

/** US ZIP+4 and 9-digit ZIPs → 5 digits; everything else upper-case without spaces ("M1S 1T4" → "M1S1T4"). */
export function normalizePostalCode(raw: string | null | undefined, country?: string | null): string | null {
  const compact = raw?.replace(/[\s-]/g, '').toUpperCase();
  if (!compact) return null;
  if ((country === 'US' || !country) && /^\d{9}$/.test(compact)) return compact.slice(0, 5);
  return compact;
}

function splitSegments(line: string | null | undefined): string[][] {
  if (!line) return [];
  return line
    // "#01-11" (floor 01, unit 11, as Singapore writes it) is one unit number, not a unit and a stray "11".
    .replace(/#\s*([\p{L}\p{N}]+)(?:-([\p{L}\p{N}]+))?/gu, (_, unit: string, part?: string) => ` unit ${unit}${part ?? ''} `)
    .split(/[,;\n]/)
    .map((segment) => words(cleanText(segment)))
    .filter((segmentWords) => segmentWords.length > 0);
}

const isPostalCode = (word: string | undefined) => word !== undefined && /^\d{4,9}$/.test(word);
const isHouseNumber = (word: string | undefined) => word !== undefined && /^\d+[a-z]?$/.test(word);

/** Removes `size` trailing words that name a country and returns its code, when `accept` agrees. */
function takeCountry(rest: string[], accept: (size: number) => boolean): string | null {
  for (const size of [2, 1]) {
    if (rest.length <= size || !accept(size)) continue;
    const country = countryNamed(rest.slice(-size).join(' '));
    if (country !== null) {
      rest.splice(-size);
      return country;
    }
  }
  return null;
}

/**
 * Reads "las vegas nv 89132", "cupertino ca 95014 united states" and "phnom penh cambodia" into
 * city/state/postal/country: a country after a postal code or region first, then from the end the postal
 * code and the region (one or two words: "new mexico"), then a country name the town does not need.
 */
function parseLocality(localityWords: string[], lastSegmentWords: number): { city: string | null; state: string | null; postalCode: string | null; country: string | null } {
  const rest = [...localityWords];
  let postalCode: string | null = null;
  let state: string | null = null;
  let country = takeCountry(rest, (size) => {
    const before = rest[rest.length - size - 1];
    return isPostalCode(before) || isKnownRegion(before);
  });
  if (isPostalCode(rest.at(-1))) postalCode = rest.pop()!;
  for (const size of [2, 1]) {
    if (state !== null || rest.length < size || !isKnownRegion(rest.slice(-size).join(' '))) continue;
    state = rest.splice(-size).join(' ');
  }
  // A region is read first: "atlanta georgia" is in the state, not the country. A country's name that is
  // not a segment of its own ("London, United Kingdom") must leave a town of two words ("phnom penh
  // cambodia"): "East Jordan" is a town.
  if (country === null && state === null) country = takeCountry(rest, (size) => size === lastSegmentWords || rest.length - size >= 2);
  return { city: rest.length > 0 ? rest.join(' ') : null, state, postalCode, country };
}

/**
 * Number and street name; words before a number in mid-line ("Adventura Apartments 638 Downey
 * St") are a building name, returned apart.
 */
function splitStreetNumber(streetWords: string[]): { number: string | null; name: string[]; building: string[] } {
  if (isHouseNumber(streetWords[0])) return { number: streetWords[0], name: streetWords.slice(1), building: [] };
  const last = streetWords[streetWords.length - 1];
  if (streetWords.length > 1 && isHouseNumber(last)) return { number: last, name: streetWords.slice(0, -1), building: [] };
  const inside = streetWords.findIndex(isHouseNumber);
  if (inside > 0) return { number: streetWords[inside], name: streetWords.slice(inside + 1), building: streetWords.slice(0, inside) };
  return { number: null, name: streetWords, building: [] };
}

/** Canonical street types after which, on a one-line address, the locality begins. */
const STREET_TYPES = new Set([
  'st', 'ave', 'blvd', 'rd', 'dr', 'ln', 'ct', 'pl', 'ter', 'hwy', 'pkwy', 'cir', 'sq', 'cres', 'trl', 'expy',
  'fwy', 'plz', 'aly', 'way', 'tpke', 'rte',
]);
const DIRECTIONS = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw']);

/**
 * "3212 w 32nd st palm harbor" → street "3212 w 32nd st", locality "palm harbor": a one-line
 * address without commas carries its locality after the last street type (and its direction).
 * "Adventura Apartments 638 Downey St" starts with a building name, so the test is on the first
 * numbered word.
 */
function splitTrailingLocality(streetWords: string[]): { street: string[]; locality: string[] } {
  // Only the number-first (North American) order has a locality after the street type;
  // "Hardenbergstrasse 87" ends with its number.
  const numberAt = streetWords.findIndex((word) => /^\d/.test(word));
  if (numberAt < 0 || numberAt === streetWords.length - 1) return { street: streetWords, locality: [] };
  // "Street 128 Phnom Penh", "Route 66 Tulsa": a street named by its number ends with that number.
  if (numberAt > 0 && STREET_TYPES.has(streetWords[numberAt - 1])) return { street: streetWords.slice(0, numberAt + 1), locality: streetWords.slice(numberAt + 1) };
  let end = -1;
  streetWords.forEach((word, index) => {
    if (index > numberAt && STREET_TYPES.has(word)) end = index;
  });
  // "100 Route 9 Albany": a street type followed by a number is the street's name ("rte 9").
  if (end >= 0 && isHouseNumber(streetWords[end + 1])) end += 1;
  if (end < 0 || end === streetWords.length - 1) return { street: streetWords, locality: [] };
  if (DIRECTIONS.has(streetWords[end + 1])) end += 1;
  return { street: streetWords.slice(0, end + 1), locality: streetWords.slice(end + 1) };
}

export function normalizeAddress(input: AddressInput): NormalizedAddress {
  const country = countryCode(input.country);
  const line1 = splitSegments(input.addressLine1);
  const line2 = splitSegments(input.addressLine2);
  let unit: string | null = null;
  const withoutUnits = (segments: string[][]) =>
    segments
      .map((segmentWords) => {
        const taken = takeUnit(segmentWords);
        unit ??= taken.unit;
        return taken.rest;
      })
      .filter((segmentWords) => segmentWords.length > 0);
  const first = withoutUnits(line1);
  const second = withoutUnits(line2);

  // The street is the first segment with a house number and a name ("4 hillview rise", not a postal
  // code alone or a building called "hillv2"), else the first holding a number, else line 1's first
  // segment; a line 2 without a number (a building or locality name) is never taken for the street.
  const all = [...first, ...second];
  const numberedStreet = all.findIndex((segmentWords) => segmentWords.some((word) => /\d/.test(word)) && segmentWords.some((word) => !/\d/.test(word)));
  const numbered = numberedStreet >= 0 ? numberedStreet : all.findIndex((segmentWords) => segmentWords.some((word) => /\d/.test(word)));
  const streetIndex = numbered >= 0 ? numbered : first.length > 0 ? 0 : -1;
  const structuredLocality = Boolean(input.city || input.postalCode);
  const lineWords = (streetIndex >= 0 ? all[streetIndex] : []).flatMap((word) => canonicalStreetWord(word).split(' '));
  const { street: streetWords, locality: trailingLocality } = structuredLocality
    ? { street: lineWords, locality: [] }
    : splitTrailingLocality(lineWords);
  const others = all.filter((_, index) => index !== streetIndex);
  const { number, name, building } = splitStreetNumber(streetWords);
  const street = building.length > 0 ? [...(number ? [number] : []), ...name] : streetWords;

  const localityWords = [...trailingLocality, ...others.flat()];
  const lastSegmentWords = others.length > 0 ? others[others.length - 1].length : localityWords.length;
  const locality = parseLocality(localityWords, lastSegmentWords);
  const city = normalizeCity(input.city) ?? (structuredLocality ? null : normalizeCity(locality.city));
  const state = stateCode(input.state) ?? (structuredLocality ? null : stateCode(locality.state));
  const postalCode =
    normalizePostalCode(input.postalCode, country) ?? normalizePostalCode(locality.postalCode, country);
  // Extra words get the same street-word canonical forms: lines are often swapped or merged.
  const extraWords = [...building, ...(structuredLocality ? others.flat().flatMap((word) => canonicalStreetWord(word).split(' ')) : [])];
  const extra = extraWords.join(' ') || null;

  return {
    street: street.length > 0 ? street.join(' ') : null,
    streetNumber: number,
    streetName: name.length > 0 ? name.join(' ') : null,
    unit,
    extra,
    city,
    state,
    postalCode,
    country: country ?? (structuredLocality ? null : locality.country),
  };
}
