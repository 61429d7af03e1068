// Industries as categories rather than strings: "Financial" and "Financial Services" name one sector
// at two depths, "Software" and "Internet" two branches of one sector; neither is a contradiction.

/** Joining words that carry no meaning in an industry name. */
const CONNECTIVES = new Set(['and', 'of', 'the', 'for']);

/** Words that name no sector by themselves: "Financial Services" says no more than "Financial". */
const GENERIC_WORDS = new Set(['service', 'industry', 'sector', 'other', 'general', 'product', 'solution', 'business']);

/**
 * A small sector hierarchy over the words generated and common data use for industries (broad
 * classifications such as GICS group them alike). Words are in their singular form.
 */
const SECTOR_WORDS: Record<string, readonly string[]> = {
  technology: ['software', 'internet', 'technology', 'tech', 'it', 'computer', 'computing', 'telecommunication', 'telecom', 'saas'],
  health: ['health', 'healthcare', 'medical', 'pharmaceutical', 'pharma', 'biotechnology', 'biotech', 'hospital', 'clinic'],
  finance: ['financial', 'finance', 'banking', 'bank', 'insurance', 'investment', 'fintech'],
  transport: ['logistic', 'transportation', 'transport', 'shipping', 'freight', 'trucking'],
  industrial: ['manufacturing', 'industrial', 'aerospace', 'engineering', 'machinery', 'automotive', 'chemical'],
  trade: ['retail', 'wholesale', 'distribution', 'commerce', 'ecommerce'],
  food: ['food', 'beverage', 'restaurant', 'catering'],
  energy: ['energy', 'power', 'utility', 'oil', 'gas', 'renewable', 'solar'],
  construction: ['construction', 'building', 'contracting'],
  professional: ['professional', 'consulting', 'advisory', 'legal', 'accounting', 'staffing'],
};

const SECTOR_OF = new Map(Object.entries(SECTOR_WORDS).flatMap(([sector, words]) => words.map((word) => [word, sector] as const)));

/** "services" → "service", "beverages" → "beverage"; "business", "gas" and short words stay. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

/** The words of a cleaned (lower-case, "&" as "and", no punctuation) industry name, as a set. */
export function industryWords(cleaned: string): Set<string> {
  return new Set(cleaned.split(' ').map(singular).filter((word) => word !== '' && !CONNECTIVES.has(word)));
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((word) => b.has(word));
const within = (a: Set<string>, b: Set<string>) => a.size > 0 && [...a].every((word) => b.has(word));

/** 'same' (one name written two ways), 'related' (one contains the other, or one sector), or 'different'. */
export function industryRelation(a: string, b: string): 'same' | 'related' | 'different' {
  const wordsA = industryWords(a);
  const wordsB = industryWords(b);
  if (a === b || sameSet(wordsA, wordsB)) return 'same';
  const coreA = new Set([...wordsA].filter((word) => !GENERIC_WORDS.has(word)));
  const coreB = new Set([...wordsB].filter((word) => !GENERIC_WORDS.has(word)));
  if (within(coreA, coreB) || within(coreB, coreA)) return 'related';
  const sectorsA = new Set([...coreA].flatMap((word) => SECTOR_OF.get(word) ?? []));
  return [...coreB].some((word) => sectorsA.has(SECTOR_OF.get(word) ?? '')) ? 'related' : 'different';
}
