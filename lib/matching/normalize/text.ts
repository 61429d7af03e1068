// Shared text clean-up for every normaliser: one definition of "the same characters",
// so that comparisons never disagree because of case, accents, punctuation or a script with a
// standard romanisation.
import { transliterate } from 'transliteration';

/** Letters that NFKD does not decompose into base letter + mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

/** Lower-cases and strips accents: "Müller Straße" → "muller strasse". */
export function foldAccents(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

/**
 * Scripts with one standard romanisation, letter for letter or syllable for syllable: Cyrillic,
 * Greek, and Han read as Mandarin pinyin (王杰 → Wang Jie). Abjads (Arabic, Hebrew) leave vowels
 * unwritten and abugidas (Khmer, Devanagari, ...) have competing schemes: romanised, one name would
 * read as two, so those stay in their script and are not compared with Latin text.
 */
const ROMANISED_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}]/u;

/** Latin letters for text in a script with a standard romanisation; other text unchanged. */
export function romanize(value: string): string {
  return ROMANISED_SCRIPTS.test(value) ? transliterate(value) : value;
}

/**
 * Case-, accent- and punctuation-insensitive form, in Latin letters where the script has a standard
 * romanisation; apostrophes vanish (O'Hare → ohare) because
 * they are spelled both ways, "&" becomes "and", every other symbol separates words.
 * Returns null for missing or blank input so callers never compare empty strings.
 */
export function cleanText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const cleaned = foldAccents(romanize(raw))
    .replace(/['’`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return cleaned === '' ? null : cleaned;
}

/** Words of an already cleaned string. */
export function words(cleaned: string | null): string[] {
  return cleaned ? cleaned.split(' ') : [];
}

/** Trims and turns blank strings into null: the one meaning of "missing" for raw fields. */
export function blankToNull(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  return trimmed === '' ? null : trimmed;
}

/** Letters of a non-Latin script (Han, Cyrillic, Arabic, Khmer, ...): such text cannot be compared letter by letter with Latin text. */
export function hasNonLatinLetters(text: string): boolean {
  return /[^\p{Script=Latin}\P{L}]/u.test(text);
}
