// Per-country reference data for generated companies: real cities with their state, alias,
// postcode shape and phone area code, so an address and phone number agree with each other.
import type { Random } from './random';

export const COUNTRY_CODES = ['US', 'GB', 'DE', 'FR', 'AU', 'CA', 'NL'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export interface City {
  name: string;
  /** Other names a person would type for the same city (NYC, Munich, Den Haag). */
  aliases: string[];
  state: string | null;
  /** Postcode shapes: # = digit, @ = letter. */
  postcodes: string[];
  /** National significant number prefix of a landline here (area code without trunk 0). */
  areaCode: string;
}

export interface Country {
  code: CountryCode;
  name: string;
  /** Share of generated customers in this country: mostly US, as in the seed's data. */
  weight: number;
  callingCode: string;
  /** Length of the national significant number (area code + subscriber). */
  nsnLength: number;
  tlds: string[];
  /** Legal forms with weights; '' = none written. */
  legalForms: ReadonlyArray<readonly [string, number]>;
  freeMailDomains: string[];
  streetStyle: 'en' | 'de' | 'fr' | 'nl';
  cities: City[];
}

const city = (name: string, state: string | null, areaCode: string, postcodes: string[], aliases: string[] = []): City => ({
  name,
  state,
  areaCode,
  postcodes,
  aliases,
});

export const COUNTRIES: Record<CountryCode, Country> = {
  US: {
    code: 'US', name: 'United States', weight: 45, callingCode: '1', nsnLength: 10, tlds: ['com', 'com', 'com', 'net', 'io', 'co'],
    legalForms: [['Inc', 22], ['Inc.', 10], ['LLC', 24], ['Corp', 8], ['Corp.', 5], ['Corporation', 6], ['Incorporated', 3], ['Co.', 4], ['', 18]],
    freeMailDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'aol.com', 'icloud.com'],
    streetStyle: 'en',
    cities: [
      city('New York', 'NY', '212', ['100##'], ['NYC', 'New York City']),
      city('Los Angeles', 'CA', '213', ['900##'], ['LA']),
      city('San Francisco', 'CA', '415', ['941##'], ['SF']),
      city('Chicago', 'IL', '312', ['606##']),
      city('Boston', 'MA', '617', ['021##']),
      city('Austin', 'TX', '512', ['787##']),
      city('Houston', 'TX', '713', ['770##']),
      city('Seattle', 'WA', '206', ['981##']),
      city('Denver', 'CO', '303', ['802##']),
      city('Atlanta', 'GA', '404', ['303##']),
      city('Philadelphia', 'PA', '215', ['191##'], ['Philly']),
      city('Miami', 'FL', '305', ['331##']),
      city('Portland', 'OR', '503', ['972##']),
      city('Saint Louis', 'MO', '314', ['631##'], ['St. Louis', 'St Louis']),
      city('Las Vegas', 'NV', '702', ['891##'], ['LV']),
      city('Washington', 'DC', '202', ['200##'], ['Washington DC', 'DC']),
      city('Minneapolis', 'MN', '612', ['554##']),
      city('Phoenix', 'AZ', '602', ['850##']),
    ],
  },
  GB: {
    code: 'GB', name: 'United Kingdom', weight: 12, callingCode: '44', nsnLength: 10, tlds: ['co.uk', 'co.uk', 'com', 'uk'],
    legalForms: [['Ltd', 40], ['Limited', 20], ['PLC', 5], ['LLP', 5], ['', 20]],
    freeMailDomains: ['gmail.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'outlook.com'],
    streetStyle: 'en',
    cities: [
      city('London', null, '20', ['EC1A #@@', 'EC2M #@@', 'W1D #@@', 'SE1 #@@', 'N1 #@@']),
      city('Manchester', null, '161', ['M1 #@@', 'M2 #@@', 'M4 #@@']),
      city('Birmingham', null, '121', ['B1 #@@', 'B3 #@@']),
      city('Edinburgh', null, '131', ['EH1 #@@', 'EH2 #@@']),
      city('Bristol', null, '117', ['BS1 #@@']),
      city('Leeds', null, '113', ['LS1 #@@', 'LS2 #@@']),
      city('Glasgow', null, '141', ['G1 #@@', 'G2 #@@']),
    ],
  },
  DE: {
    code: 'DE', name: 'Germany', weight: 12, callingCode: '49', nsnLength: 10, tlds: ['de', 'de', 'de', 'com'],
    legalForms: [['GmbH', 55], ['AG', 8], ['GmbH & Co. KG', 12], ['KG', 5], ['e.K.', 4], ['', 8]],
    freeMailDomains: ['gmail.com', 'gmx.de', 'web.de', 't-online.de'],
    streetStyle: 'de',
    cities: [
      city('Berlin', 'Berlin', '30', ['101##', '107##', '120##']),
      city('München', 'Bayern', '89', ['803##', '806##'], ['Munich', 'Muenchen']),
      city('Hamburg', 'Hamburg', '40', ['200##', '221##']),
      city('Köln', 'Nordrhein-Westfalen', '221', ['506##', '509##'], ['Cologne', 'Koeln']),
      city('Frankfurt am Main', 'Hessen', '69', ['603##', '604##'], ['Frankfurt', 'Frankfurt a.M.']),
      city('Stuttgart', 'Baden-Württemberg', '711', ['701##']),
      city('Düsseldorf', 'Nordrhein-Westfalen', '211', ['402##'], ['Duesseldorf', 'Dusseldorf']),
    ],
  },
  FR: {
    code: 'FR', name: 'France', weight: 8, callingCode: '33', nsnLength: 9, tlds: ['fr', 'fr', 'com'],
    legalForms: [['SAS', 35], ['S.A.', 15], ['SA', 10], ['SARL', 25], ['', 10]],
    freeMailDomains: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'wanadoo.fr'],
    streetStyle: 'fr',
    cities: [
      city('Paris', 'Île-de-France', '1', ['7500#', '7501#']),
      city('Lyon', 'Auvergne-Rhône-Alpes', '4', ['6900#']),
      city('Marseille', "Provence-Alpes-Côte d'Azur", '4', ['130##']),
      city('Toulouse', 'Occitanie', '5', ['310##', '315##']),
      city('Bordeaux', 'Nouvelle-Aquitaine', '5', ['330##']),
      city('Lille', 'Hauts-de-France', '3', ['590##']),
      city('Nantes', 'Pays de la Loire', '2', ['440##']),
    ],
  },
  AU: {
    code: 'AU', name: 'Australia', weight: 8, callingCode: '61', nsnLength: 9, tlds: ['com.au', 'com.au', 'com'],
    legalForms: [['Pty Ltd', 60], ['Pty. Ltd.', 10], ['Ltd', 10], ['', 15]],
    freeMailDomains: ['gmail.com', 'bigpond.com', 'outlook.com', 'optusnet.com.au'],
    streetStyle: 'en',
    cities: [
      city('Sydney', 'NSW', '2', ['2000', '20##']),
      city('Melbourne', 'VIC', '3', ['3000', '30##']),
      city('Brisbane', 'QLD', '7', ['4000', '40##']),
      city('Perth', 'WA', '8', ['6000', '60##']),
      city('Adelaide', 'SA', '8', ['5000', '50##']),
      city('Canberra', 'ACT', '2', ['2600', '26##']),
    ],
  },
  CA: {
    code: 'CA', name: 'Canada', weight: 8, callingCode: '1', nsnLength: 10, tlds: ['ca', 'ca', 'com'],
    legalForms: [['Inc.', 35], ['Ltd.', 20], ['Corp.', 10], ['Limited', 10], ['', 20]],
    freeMailDomains: ['gmail.com', 'yahoo.ca', 'outlook.com', 'hotmail.com', 'shaw.ca'],
    streetStyle: 'en',
    cities: [
      city('Toronto', 'ON', '416', ['M5V #@#', 'M4W #@#', 'M5H #@#']),
      city('Vancouver', 'BC', '604', ['V6B #@#', 'V6C #@#']),
      city('Montreal', 'QC', '514', ['H3B #@#', 'H2X #@#'], ['Montréal']),
      city('Calgary', 'AB', '403', ['T2P #@#']),
      city('Ottawa', 'ON', '613', ['K1P #@#', 'K2P #@#']),
    ],
  },
  NL: {
    code: 'NL', name: 'Netherlands', weight: 7, callingCode: '31', nsnLength: 9, tlds: ['nl', 'nl', 'com'],
    legalForms: [['B.V.', 45], ['BV', 25], ['N.V.', 5], ['', 15]],
    freeMailDomains: ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'hotmail.com'],
    streetStyle: 'nl',
    cities: [
      city('Amsterdam', 'Noord-Holland', '20', ['101# @@', '107# @@']),
      city('Rotterdam', 'Zuid-Holland', '10', ['301# @@', '303# @@']),
      city('Den Haag', 'Zuid-Holland', '70', ['251# @@'], ["'s-Gravenhage", 'The Hague']),
      city('Utrecht', 'Utrecht', '30', ['351# @@']),
      city('Eindhoven', 'Noord-Brabant', '40', ['561# @@']),
    ],
  },
};

const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Fills a postcode shape: # → digit, @ → letter. */
export function fillPostcode(shape: string, random: Random): string {
  return shape.replace(/[#@]/g, (slot) => (slot === '#' ? String(random.int(0, 9)) : random.pick([...POSTCODE_LETTERS])));
}

/** A landline in E.164 for the city: area code, then a subscriber number not starting with 0 or 1. */
export function landlineE164(country: Country, cityEntry: City, random: Random): string {
  const subscriberLength = country.nsnLength - cityEntry.areaCode.length;
  return `+${country.callingCode}${cityEntry.areaCode}${random.int(2, 9)}${random.digits(subscriberLength - 1)}`;
}

export function pickCountry(random: Random): Country {
  return random.weighted(COUNTRY_CODES.map((code) => [COUNTRIES[code], COUNTRIES[code].weight] as const));
}
