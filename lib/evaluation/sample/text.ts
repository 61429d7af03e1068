// Small text helpers for generated data: slugs for domains and e-mail, and human typing errors.
import type { Random } from './random';

/** "Müller & Söhne" → "muellersoehne": what a company would register as a domain label. */
export function asciiSlug(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[äÄ]/g, 'ae')
    .replace(/[öÖ]/g, 'oe')
    .replace(/[üÜ]/g, 'ue')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export const TYPO_KINDS = ['swap', 'drop', 'insert'] as const;
export type TypoKind = (typeof TYPO_KINDS)[number];

/** Neighbouring keys on a QWERTY keyboard, the usual source of an inserted wrong letter. */
const KEY_NEIGHBOURS: Record<string, string> = {
  a: 'sqwz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'ujko',
  j: 'huikmn', k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa', r: 'edft', s: 'awedxz',
  t: 'rfgy', u: 'yhji', v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
};

/**
 * One typing error inside a word, never on its first letter (people rarely get that wrong, and a
 * changed initial would also defeat the initials a careful reader checks).
 */
export function typoInWord(word: string, random: Random, kind: TypoKind = random.pick(TYPO_KINDS)): string {
  if (word.length < 4) return word;
  const position = random.int(1, word.length - 2);
  if (kind === 'swap') {
    if (word[position] === word[position + 1]) return word.slice(0, position) + word.slice(position + 1);
    return word.slice(0, position) + word[position + 1] + word[position] + word.slice(position + 2);
  }
  if (kind === 'drop') return word.slice(0, position) + word.slice(position + 1);
  const lower = word[position].toLowerCase();
  const inserted = random.pick([...(KEY_NEIGHBOURS[lower] ?? lower)]);
  return word.slice(0, position + 1) + inserted + word.slice(position + 1);
}

/** A typo in one of the longer words of a phrase; null when no word is long enough. */
export function typoInPhrase(phrase: string, random: Random): string | null {
  const words = phrase.split(' ');
  const candidates = words.flatMap((word, index) => (/^\p{L}{5,}$/u.test(word) ? [index] : []));
  if (candidates.length === 0) return null;
  const index = random.pick(candidates);
  words[index] = typoInWord(words[index], random);
  return words.join(' ');
}
