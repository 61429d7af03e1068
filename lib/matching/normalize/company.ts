// Company names: split into a core name (what identifies the company) and a canonical legal
// form (weak evidence on its own), with abbreviations expanded and generic words flagged.
import { cleanText, words } from './text';

/** Legal-form spellings (as cleaned word sequences, dots removed) → one canonical token. */
const LEGAL_FORMS: Array<[string, string]> = [
  ['incorporated', 'inc'], ['inc', 'inc'],
  ['corporation', 'corp'], ['corp', 'corp'], ['crop', 'corp'],
  ['company', 'co'], ['co', 'co'], ['cie', 'co'],
  ['limited liability company', 'llc'], ['llc', 'llc'],
  ['limited liability partnership', 'llp'], ['llp', 'llp'], ['lp', 'lp'],
  ['limited partnership', 'lp'],
  ['public limited company', 'plc'], ['plc', 'plc'],
  ['private limited', 'pvt ltd'], ['pvt ltd', 'pvt ltd'], ['pvt', 'pvt ltd'],
  ['pty ltd', 'pty ltd'], ['pty limited', 'pty ltd'], ['pty', 'pty ltd'], ['proprietary limited', 'pty ltd'],
  ['pte ltd', 'pte ltd'], ['pte', 'pte ltd'],
  ['co ltd', 'ltd'], ['company limited', 'ltd'], ['limited', 'ltd'], ['ltd', 'ltd'],
  ['gmbh and co kg', 'gmbh co kg'], ['gmbh co kg', 'gmbh co kg'], ['gmbh', 'gmbh'], ['kg', 'kg'],
  ['ag', 'ag'], ['sa', 'sa'], ['sas', 'sas'], ['sarl', 'sarl'], ['srl', 'srl'], ['spa', 'spa'],
  ['bv', 'bv'], ['nv', 'nv'], ['oy', 'oy'], ['ab', 'ab'], ['as', 'as'], ['aps', 'aps'],
  ['kk', 'kk'], ['sl', 'sl'], ['sdn bhd', 'sdn bhd'], ['bhd', 'bhd'],
  // Legal forms written out in their own language.
  ['gesellschaft mit beschrankter haftung', 'gmbh'], ['aktiengesellschaft', 'ag'],
  ['kommanditgesellschaft', 'kg'], ['besloten vennootschap', 'bv'], ['naamloze vennootschap', 'nv'],
  ['societe anonyme', 'sa'], ['sociedad anonima', 'sa'], ['societe par actions simplifiee', 'sas'],
  ['societe a responsabilite limitee', 'sarl'], ['societa per azioni', 'spa'],
  ['societa a responsabilita limitata', 'srl'], ['sociedad limitada', 'sl'], ['kabushiki kaisha', 'kk'],
  ['aktiebolag', 'ab'], ['osakeyhtio', 'oy'], ['aksjeselskap', 'as'], ['anpartsselskab', 'aps'],
  ['proprietary', 'pty ltd'], ['private', 'pvt ltd'], ['public company limited', 'plc'],
  // More countries' forms, as they are written in registers and on invoices.
  ['sa de cv', 'sa de cv'], ['sab de cv', 'sa de cv'], ['s de rl de cv', 's de rl'], ['s de rl', 's de rl'],
  ['ltda', 'ltda'], ['limitada', 'ltda'], ['eireli', 'eireli'],
  ['eurl', 'sarl'], ['sprl', 'sprl'], ['bvba', 'bvba'],
  ['gmbh und co kg', 'gmbh co kg'], ['ohg', 'ohg'], ['oyj', 'oy'],
  ['sro', 'sro'], ['spol s ro', 'sro'], ['sp z oo', 'sp z oo'], ['spzoo', 'sp z oo'], ['kft', 'kft'], ['zrt', 'zrt'],
  ['nyrt', 'nyrt'], ['pjsc', 'pjsc'], ['ojsc', 'jsc'], ['cjsc', 'jsc'],
  ['jsc', 'jsc'], ['tbk', 'tbk'], ['pllc', 'pllc'], ['lllp', 'lllp'],
];

/**
 * Legal forms that are also ordinary words or names — Doo, Sau, Ou, Asa, "Plan A S" — count only
 * when the raw name ends with them written as a legal form: with their dots or slash, or in capitals.
 * "Gorenje d.o.o." and "Maersk A/S" have one; "Scooby Doo" and "Wing Sau" do not.
 */
const WRITTEN_LEGAL_FORMS: Array<{ written: RegExp; words: string[]; canonical: string }> = [
  { written: /\bd\.\s?o\.\s?o\.?$/i, words: ['doo'], canonical: 'doo' },
  { written: /\bd\.\s?d\.?$/i, words: ['dd'], canonical: 'dd' },
  { written: /\ba\s?\/\s?s$/i, words: ['a', 's'], canonical: 'as' },
  { written: /\b(?:[sS]\.\s?[aA]\.\s?[uU]\.?|SAU)$/, words: ['sau'], canonical: 'sa' },
  { written: /\bs\.\s?l\.\s?u\.?$|\bSLU$/i, words: ['slu'], canonical: 'sl' },
  { written: /\bs\.\s?n\.\s?c\.?$|\bSNC$/i, words: ['snc'], canonical: 'snc' },
  { written: /\bOOO$/, words: ['ooo'], canonical: 'ooo' },
  { written: /\bASA$/, words: ['asa'], canonical: 'asa' },
  { written: /\bOÜ$/i, words: ['ou'], canonical: 'ou' },
  { written: /\bLda\.?$/, words: ['lda'], canonical: 'ltda' },
];
const LEGAL_FORM_SEQUENCES = LEGAL_FORMS.map(([spelling, canonical]) => ({ words: spelling.split(' '), canonical }))
  // Longest first, so "co ltd" wins over "ltd" and "pty ltd" over "ltd".
  .sort((a, b) => b.words.length - a.words.length);

/** Common abbreviations and variants → one spelling, so "Intl Mfg" equals "International Manufacturing". */
const WORD_VARIANTS: Record<string, string> = {
  intl: 'international', internat: 'international',
  mfg: 'manufacturing', manuf: 'manufacturing', mfrs: 'manufacturers',
  tech: 'technology', techs: 'technology', technologies: 'technology', technol: 'technology',
  svc: 'services', svcs: 'services', service: 'services', serv: 'services',
  assoc: 'associates', assocs: 'associates', associated: 'associates', association: 'associates',
  bros: 'brothers', bro: 'brothers',
  natl: 'national', amer: 'american', ctr: 'center', centre: 'center',
  dept: 'department', distrib: 'distribution',
  engg: 'engineering', grp: 'group', hldgs: 'holdings', hldg: 'holdings', holding: 'holdings',
  inds: 'industries', industry: 'industries', sys: 'systems', system: 'systems',
  solution: 'solutions', soln: 'solutions', solns: 'solutions', labs: 'laboratories',
  lab: 'laboratories', laboratory: 'laboratories', mgmt: 'management', mgt: 'management',
  prods: 'products', product: 'products', enterprise: 'enterprises',
  export: 'exports', import: 'imports', partner: 'partners', venture: 'ventures', n: 'and',
};

/**
 * Words that many unrelated companies share. They stay in the core name (so "Acme Holdings"
 * and "Acme Labs" are different names) but do not count as distinctive evidence.
 */
export const GENERIC_COMPANY_WORDS = new Set([
  'and', 'of', 'the', 'group', 'holdings', 'solutions', 'services', 'global', 'international',
  'company', 'enterprises', 'industries', 'partners', 'systems', 'technology', 'worldwide',
  'ventures', 'associates', 'trading', 'consulting', 'management', 'products', 'national',
  'american', 'usa', 'us', 'corporate', 'center', 'brothers', 'sons',
]);

export interface NormalizedCompany {
  /** Core name words joined by spaces; null when nothing but a legal form or generic filler remains. */
  core: string | null;
  legalForm: string | null;
  coreWords: string[];
  /** Core words that are not generic; empty when the name is only generic words. */
  distinctiveWords: string[];
}

/** Dots inside abbreviations ("L.L.C.", "S.A.") vanish before cleaning so they read as one word. */
function withoutDots(raw: string): string {
  return raw.replace(/\./g, '');
}

function endsWith(haystack: string[], needle: string[]): boolean {
  if (needle.length > haystack.length) return false;
  const offset = haystack.length - needle.length;
  return needle.every((word, index) => haystack[offset + index] === word);
}

/** Strips trailing legal forms (possibly several: "Co., Ltd."), returning the strongest one found. */
function splitLegalForm(nameWords: string[]): { rest: string[]; legalForm: string | null } {
  let rest = nameWords;
  let legalForm: string | null = null;
  for (let found = true; found && rest.length > 0; ) {
    found = false;
    for (const form of LEGAL_FORM_SEQUENCES) {
      if (!endsWith(rest, form.words)) continue;
      rest = rest.slice(0, rest.length - form.words.length);
      // The outermost (last) form is the one registered; inner ones like "Co" in "Co Ltd" go.
      legalForm ??= form.canonical;
      found = true;
      break;
    }
  }
  return { rest, legalForm };
}

/**
 * A name without what it says in parentheses — a branch, a place or a former name: "Hajah Mamunah
 * (Jln Pisang)", "Acme (UK) Ltd". Kept when the whole name is in parentheses.
 */
export function withoutParenthesised(raw: string): string {
  const stripped = raw.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  return stripped.length > 0 ? stripped : raw;
}

/** A legal form written as one at the end of the raw name (WRITTEN_LEGAL_FORMS), taken off the words. */
function splitWrittenLegalForm(raw: string, nameWords: string[]): { rest: string[]; legalForm: string | null } {
  const trimmed = raw.trim();
  const form = WRITTEN_LEGAL_FORMS.find((candidate) => candidate.written.test(trimmed) && endsWith(nameWords, candidate.words));
  return form ? { rest: nameWords.slice(0, nameWords.length - form.words.length), legalForm: form.canonical } : { rest: nameWords, legalForm: null };
}

export function normalizeCompanyName(raw: string | null | undefined): NormalizedCompany | null {
  const named = raw ? withoutParenthesised(raw) : raw;
  const cleaned = cleanText(named ? withoutDots(named) : named);
  if (!named || !cleaned) return null;
  const written = splitWrittenLegalForm(named, words(cleaned));
  const { rest, legalForm: innerForm } = splitLegalForm(written.rest);
  // The outermost form is the registered one: "Acme Ltd d.o.o." is a d.o.o.
  const legalForm = written.legalForm ?? innerForm;
  const expanded = rest.map((word) => WORD_VARIANTS[word] ?? word);
  const coreWords = expanded[0] === 'the' ? expanded.slice(1) : expanded;
  const distinctiveWords = coreWords.filter((word) => !GENERIC_COMPANY_WORDS.has(word));
  return {
    core: coreWords.length > 0 ? coreWords.join(' ') : null,
    legalForm,
    coreWords,
    distinctiveWords,
  };
}
