// Word lists for generated companies, people and streets, and the variant tables the
// perturbations use (legal-form spellings, nicknames, street-type abbreviations, ordinals).

/** Brand words: dictionary words collide across companies (as "Summit" does in real data); coined ones do not. */
export const DICTIONARY_BRANDS = [
  'Summit', 'Harbor', 'Granite', 'Pioneer', 'Evergreen', 'Beacon', 'Atlas', 'Keystone', 'Meridian', 'Horizon',
  'Sterling', 'Cardinal', 'Redwood', 'Bluebird', 'Cobalt', 'Falcon', 'Liberty', 'Northstar', 'Orchard', 'Pinnacle',
  'Quarry', 'Riverbend', 'Sapphire', 'Timber', 'Vanguard', 'Willow', 'Acme', 'Apex', 'Crescent', 'Ironwood',
];
export const COINED_PREFIXES = ['Zy', 'Vor', 'Quin', 'Bel', 'Tera', 'Nov', 'Kal', 'Lum', 'Oro', 'Xen', 'Mar', 'Sol', 'Vel', 'Dra', 'Hal', 'Cor'];
export const COINED_MIDDLES = ['a', 'e', 'i', 'o', 'u', 'ar', 'en', 'ix', 'or', 'y'];
export const COINED_SUFFIXES = ['ra', 'nix', 'tech', 'via', 'lux', 'plor', 'dex', 'gen', 'ton', 'mont', 'ly', 'sys'];

/** Place-like two-word brands, for names such as "Pacific Coast Logistics". */
export const PLACE_BRANDS = [
  'Pacific Coast', 'Blue Ridge', 'Great Lakes', 'Silver Creek', 'Golden Gate', 'Red River', 'Stone Bridge',
  'Green Valley', 'North Shore', 'Eagle Rock', 'Oak Hill', 'Cedar Point',
];

export interface Industry {
  name: string;
  /** Descriptor words by language; a company name is brand + descriptor. */
  descriptors: { en: string[]; de: string[]; fr: string[]; nl: string[] };
  /** "<Brand> <descriptor>" does <activity>. */
  activities: string[];
  /** Revenue per employee in USD, a rough range for the industry. */
  revenuePerEmployee: readonly [number, number];
}

export const INDUSTRIES: Industry[] = [
  { name: 'Software', descriptors: { en: ['Software', 'Systems', 'Technologies', 'Labs', 'Data'], de: ['Software', 'Systeme', 'Technologies'], fr: ['Logiciels', 'Systèmes', 'Technologies'], nl: ['Software', 'Systems', 'Technologie'] },
    activities: ['builds accounting software for small businesses', 'develops data platforms for retailers', 'provides cloud scheduling tools for clinics'], revenuePerEmployee: [150_000, 400_000] },
  { name: 'Logistics', descriptors: { en: ['Logistics', 'Freight', 'Transport', 'Shipping'], de: ['Logistik', 'Spedition', 'Transporte'], fr: ['Logistique', 'Transports', 'Fret'], nl: ['Logistiek', 'Transport', 'Expeditie'] },
    activities: ['runs regional freight and warehousing', 'offers last-mile delivery for online shops', 'handles cold-chain transport for food producers'], revenuePerEmployee: [120_000, 300_000] },
  { name: 'Manufacturing', descriptors: { en: ['Manufacturing', 'Industries', 'Fabrication', 'Engineering'], de: ['Maschinenbau', 'Industrietechnik', 'Fertigung'], fr: ['Industries', 'Mécanique', 'Fabrication'], nl: ['Techniek', 'Industrie', 'Metaalbouw'] },
    activities: ['makes precision metal parts for the automotive industry', 'manufactures packaging machinery', 'produces industrial pumps and valves'], revenuePerEmployee: [180_000, 450_000] },
  { name: 'Food & Beverage', descriptors: { en: ['Foods', 'Provisions', 'Bakery', 'Brewing'], de: ['Feinkost', 'Lebensmittel', 'Brauerei'], fr: ['Alimentation', 'Boulangerie', 'Traiteur'], nl: ['Voeding', 'Bakkerij', 'Brouwerij'] },
    activities: ['supplies baked goods to cafés and hotels', 'produces organic snacks for supermarkets', 'brews craft beer for bars and retailers'], revenuePerEmployee: [100_000, 250_000] },
  { name: 'Professional Services', descriptors: { en: ['Consulting', 'Advisors', 'Partners', 'Associates'], de: ['Beratung', 'Consulting', 'Partner'], fr: ['Conseil', 'Associés', 'Consulting'], nl: ['Advies', 'Consultancy', 'Partners'] },
    activities: ['advises mid-sized firms on tax and audit', 'offers management consulting to manufacturers', 'provides HR and payroll services'], revenuePerEmployee: [120_000, 300_000] },
  { name: 'Healthcare', descriptors: { en: ['Health', 'Medical', 'Clinics', 'Diagnostics'], de: ['Medizintechnik', 'Gesundheit', 'Diagnostik'], fr: ['Santé', 'Médical', 'Diagnostics'], nl: ['Zorg', 'Medisch', 'Diagnostiek'] },
    activities: ['runs outpatient clinics', 'supplies diagnostic equipment to hospitals', 'provides home-care services for seniors'], revenuePerEmployee: [90_000, 250_000] },
  { name: 'Financial Services', descriptors: { en: ['Capital', 'Financial', 'Investments', 'Insurance'], de: ['Finanz', 'Capital', 'Vermögensverwaltung'], fr: ['Finance', 'Capital', 'Gestion'], nl: ['Financiën', 'Capital', 'Vermogensbeheer'] },
    activities: ['manages investments for family offices', 'provides equipment leasing to small firms', 'brokers commercial insurance'], revenuePerEmployee: [200_000, 600_000] },
  { name: 'Construction', descriptors: { en: ['Construction', 'Builders', 'Contracting', 'Development'], de: ['Bau', 'Bauunternehmen', 'Hochbau'], fr: ['Construction', 'Bâtiment', 'Travaux'], nl: ['Bouw', 'Aannemers', 'Bouwbedrijf'] },
    activities: ['builds commercial offices and warehouses', 'renovates historic residential buildings', 'does civil engineering for municipalities'], revenuePerEmployee: [150_000, 350_000] },
  { name: 'Retail', descriptors: { en: ['Retail', 'Outfitters', 'Stores', 'Supply'], de: ['Handel', 'Versand', 'Einzelhandel'], fr: ['Distribution', 'Boutiques', 'Commerce'], nl: ['Handel', 'Winkels', 'Groothandel'] },
    activities: ['sells outdoor equipment online and in stores', 'runs a chain of home-goods stores', 'distributes office supplies to businesses'], revenuePerEmployee: [120_000, 350_000] },
  { name: 'Energy', descriptors: { en: ['Energy', 'Power', 'Solar', 'Renewables'], de: ['Energie', 'Solartechnik', 'Energietechnik'], fr: ['Énergie', 'Solaire', 'Énergies'], nl: ['Energie', 'Zonne-energie', 'Duurzaam'] },
    activities: ['installs commercial solar systems', 'operates wind farms', 'provides energy audits for factories'], revenuePerEmployee: [250_000, 700_000] },
];

/** Descriptors that say "the group", not "the business": siblings under one brand often carry them. */
export const GROUP_DESCRIPTORS = ['Holdings', 'Group', 'International', 'Global', 'Services', 'Solutions', 'Ventures'];

/** Spellings of one legal form; a legal-form change picks another spelling from the same row. */
export const LEGAL_FORM_SPELLINGS: string[][] = [
  ['Inc', 'Inc.', 'Incorporated'],
  ['Corp', 'Corp.', 'Corporation'],
  ['LLC', 'L.L.C.'],
  ['Ltd', 'Ltd.', 'Limited'],
  ['Co.', 'Co', 'Company'],
  ['PLC', 'plc'],
  ['LLP', 'L.L.P.'],
  ['Pty Ltd', 'Pty. Ltd.', 'Pty Limited', 'Proprietary Limited'],
  ['GmbH', 'GMBH', 'Gesellschaft mit beschränkter Haftung'],
  ['AG', 'Aktiengesellschaft'],
  ['GmbH & Co. KG', 'GmbH & Co KG', 'GmbH u. Co. KG'],
  ['KG'],
  ['e.K.', 'e. K.'],
  ['S.A.', 'SA', 'Société Anonyme'],
  ['SAS', 'S.A.S.'],
  ['SARL', 'S.A.R.L.', 'Sàrl'],
  ['B.V.', 'BV', 'Besloten Vennootschap'],
  ['N.V.', 'NV'],
];

/** Full first name → nicknames, for English-speaking contacts. */
export const NICKNAMES: Record<string, string[]> = {
  Robert: ['Bob', 'Rob', 'Bobby'], William: ['Bill', 'Will', 'Billy'], Elizabeth: ['Liz', 'Beth', 'Betty'],
  Richard: ['Rick', 'Dick', 'Rich'], James: ['Jim', 'Jimmy'], Michael: ['Mike', 'Mick'], Katherine: ['Kate', 'Kathy'],
  Margaret: ['Maggie', 'Peggy'], Thomas: ['Tom', 'Tommy'], Joseph: ['Joe', 'Joey'], Charles: ['Charlie', 'Chuck'],
  Christopher: ['Chris'], Daniel: ['Dan', 'Danny'], Jennifer: ['Jen', 'Jenny'], Patricia: ['Pat', 'Patty', 'Trish'],
  Susan: ['Sue', 'Susie'], Anthony: ['Tony'], Edward: ['Ed', 'Eddie', 'Ted'], Andrew: ['Andy', 'Drew'],
  Jonathan: ['Jon'], Matthew: ['Matt'], Steven: ['Steve'], Benjamin: ['Ben'], Alexander: ['Alex'],
  Nicholas: ['Nick'], Samuel: ['Sam'], Deborah: ['Deb', 'Debbie'], Rebecca: ['Becky'], Victoria: ['Vicky', 'Tori'],
  Timothy: ['Tim'], Jessica: ['Jess'], Gregory: ['Greg'], Kimberly: ['Kim'], Lawrence: ['Larry'],
};

/** Street names for English-speaking countries; ordinals make "First Avenue" ↔ "1st Avenue" possible. */
export const EN_STREET_NAMES = [
  'Main', 'Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lincoln', 'Park', 'Lake', 'Hill', 'Church',
  'Market', 'Mill', 'Spring', 'River', 'Highland', 'Sunset', 'Madison', 'Franklin', 'Walnut', 'Willow',
  'Harbor', 'Union', 'Center', 'Broad', 'King', 'Queen', 'Victoria', 'George', 'Station', 'Collins', 'Elizabeth',
];
export const ORDINALS: ReadonlyArray<readonly [string, string]> = [
  ['First', '1st'], ['Second', '2nd'], ['Third', '3rd'], ['Fourth', '4th'], ['Fifth', '5th'], ['Sixth', '6th'],
  ['Seventh', '7th'], ['Eighth', '8th'], ['Ninth', '9th'], ['Tenth', '10th'], ['Eleventh', '11th'], ['Twelfth', '12th'],
];
export const EN_STREET_TYPES: Record<'US' | 'GB' | 'AU' | 'CA', string[]> = {
  US: ['Street', 'Avenue', 'Boulevard', 'Road', 'Drive', 'Lane', 'Court', 'Place', 'Parkway'],
  CA: ['Street', 'Avenue', 'Boulevard', 'Road', 'Drive', 'Crescent'],
  GB: ['Street', 'Road', 'Lane', 'Avenue', 'Square', 'Place', 'Close'],
  AU: ['Street', 'Road', 'Avenue', 'Parade', 'Crescent', 'Highway', 'Place'],
};
export const DE_STREET_STEMS = ['Haupt', 'Bahnhof', 'Garten', 'Schiller', 'Goethe', 'Linden', 'Kirch', 'Industrie', 'Mozart', 'Friedrich', 'Hafen', 'Markt'];
export const DE_STREET_SUFFIXES = ['straße', 'straße', 'straße', 'weg', 'allee', 'platz', 'ring'];
export const FR_STREETS = [
  'Rue de la République', 'Rue Victor Hugo', 'Avenue Jean Jaurès', 'Boulevard Haussmann', 'Rue du Faubourg Saint-Honoré',
  'Avenue de la Liberté', 'Place Bellecour', 'Rue Nationale', 'Boulevard Gambetta', 'Rue de la Paix', 'Avenue Foch',
];
export const NL_STREET_STEMS = ['Kerk', 'Molen', 'Dorps', 'Stations', 'Prinsen', 'Heren', 'Keizers', 'Wilhelmina', 'Oranje', 'Markt'];
export const NL_STREET_SUFFIXES = ['straat', 'straat', 'weg', 'laan', 'gracht', 'plein', 'kade'];

/** Street-type word → its usual abbreviation, per street layout (either may be in a customer record). */
export const STREET_ABBREVIATIONS: Record<'en' | 'de' | 'fr' | 'nl', ReadonlyArray<readonly [string, string]>> = {
  en: [
    ['Street', 'St'], ['Avenue', 'Ave'], ['Boulevard', 'Blvd'], ['Road', 'Rd'], ['Drive', 'Dr'], ['Lane', 'Ln'],
    ['Court', 'Ct'], ['Place', 'Pl'], ['Parkway', 'Pkwy'], ['Crescent', 'Cres'], ['Parade', 'Pde'],
    ['Highway', 'Hwy'], ['Square', 'Sq'], ['Close', 'Cl'], ['Suite', 'Ste'],
  ],
  de: [['straße', 'str.']],
  fr: [['Boulevard', 'Bd'], ['Avenue', 'Av.']],
  nl: [['straat', 'str.']],
};
