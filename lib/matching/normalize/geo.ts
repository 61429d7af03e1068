// Region names → codes: countries to ISO 3166-1 alpha-2 (names come from the runtime's ICU data,
// so every country is covered without a hand-kept list), states/provinces to postal codes,
// and a few city aliases people really write.
import { cleanText } from './text';

/** Alpha-3 codes and informal names that ICU's English display names do not cover. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'u s a': 'US', 'u s': 'US', america: 'US', 'united states of america': 'US',
  uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  gbr: 'GB', deu: 'DE', deutschland: 'DE', can: 'CA', aus: 'AU', fra: 'FR', ita: 'IT', esp: 'ES',
  nld: 'NL', holland: 'NL', bel: 'BE', che: 'CH', aut: 'AT', swe: 'SE', nor: 'NO', dnk: 'DK',
  fin: 'FI', irl: 'IE', prt: 'PT', pol: 'PL', rus: 'RU', 'russian federation': 'RU', chn: 'CN',
  prc: 'CN', jpn: 'JP', kor: 'KR', 'south korea': 'KR', ind: 'IN', bra: 'BR', mex: 'MX', nzl: 'NZ',
  zaf: 'ZA', sgp: 'SG', hkg: 'HK', pak: 'PK', are: 'AE', uae: 'AE', sau: 'SA', tur: 'TR', isr: 'IL',
};

/** Codes ICU still names but that are withdrawn or reserved (East Germany, USSR, "UK", EU, UN ...). */
const NOT_COUNTRY_CODES = new Set(['DD', 'SU', 'YU', 'CS', 'ZR', 'TP', 'BU', 'FX', 'UK', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);

function buildCountryIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = displayNames.of(code);
      // Unassigned codes come back unchanged or as "Unknown Region".
      if (!name || name === code || name === 'Unknown Region' || NOT_COUNTRY_CODES.has(code)) continue;
      const key = cleanText(name);
      if (key && !index.has(key)) index.set(key, code);
      index.set(code.toLowerCase(), code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) index.set(alias, code);
  return index;
}
const COUNTRY_INDEX = buildCountryIndex();

/** The code of a country's full name ("cambodia", "new zealand"), never of a short code or alias: for words read off a free-text line. */
export function countryNamed(cleaned: string): string | null {
  const code = COUNTRY_INDEX.get(cleaned);
  return code !== undefined && cleaned.length >= 4 && !(cleaned in COUNTRY_ALIASES) ? code : null;
}

export function countryCode(raw: string | null | undefined): string | null {
  const key = cleanText(raw);
  if (!key) return null;
  return COUNTRY_INDEX.get(key) ?? key.toUpperCase();
}

/** US states and territories, Canadian provinces, Australian states: name → postal code. */
const REGION_CODES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO',
  connecticut: 'CT', delaware: 'DE', 'district of columbia': 'DC', florida: 'FL', georgia: 'GA',
  hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA', kansas: 'KS', kentucky: 'KY',
  louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN',
  mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH',
  'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND',
  ohio: 'OH', oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI',
  'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT',
  virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY',
  'puerto rico': 'PR', guam: 'GU', 'virgin islands': 'VI',
  alberta: 'AB', 'british columbia': 'BC', manitoba: 'MB', 'new brunswick': 'NB',
  'newfoundland and labrador': 'NL', 'nova scotia': 'NS', ontario: 'ON', 'prince edward island': 'PE',
  quebec: 'QC', saskatchewan: 'SK', 'northwest territories': 'NT', nunavut: 'NU', yukon: 'YT',
  'new south wales': 'NSW', victoria: 'VIC', queensland: 'QLD', 'south australia': 'SA',
  'western australia': 'WA', tasmania: 'TAS', 'australian capital territory': 'ACT', 'northern territory': 'NT',
};
const REGION_CODE_SET = new Set(Object.values(REGION_CODES));

/** "New York" → "NY", "ohio" → "OH", "nsw" → "NSW"; unknown regions are kept, upper-cased. */
export function stateCode(raw: string | null | undefined): string | null {
  const key = cleanText(raw);
  if (!key) return null;
  return REGION_CODES[key] ?? key.toUpperCase();
}

/** True when the word is a known state/province code or name (used to read free-text locality lines). */
export function isKnownRegion(cleanedWords: string): boolean {
  return REGION_CODE_SET.has(cleanedWords.toUpperCase()) || cleanedWords in REGION_CODES;
}

/** Nicknames of big cities and the usual Saint/Fort/Mount abbreviations. */
const CITY_ALIASES: Record<string, string> = {
  nyc: 'new york', 'new york city': 'new york', 'ny city': 'new york',
  la: 'los angeles', sf: 'san francisco', 'san fran': 'san francisco', philly: 'philadelphia',
  'washington dc': 'washington', dc: 'washington',
};
const CITY_WORD_ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', ft: 'fort', mt: 'mount' };

export function normalizeCity(raw: string | null | undefined): string | null {
  const key = cleanText(raw);
  if (!key) return null;
  if (CITY_ALIASES[key]) return CITY_ALIASES[key];
  const [first, ...rest] = key.split(' ');
  return [CITY_WORD_ABBREVIATIONS[first] ?? first, ...rest].join(' ');
}
