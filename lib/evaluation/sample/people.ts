// Contact people: locale-appropriate names from faker (seeded from our PRNG), and the e-mail
// addresses people actually have (first.last@company, flast@company, or a free-mail account).
import { Faker, base, de, en, en_AU, en_CA, en_GB, en_US, fr, nl, type LocaleDefinition } from '@faker-js/faker';
import type { CountryCode } from './countries';
import type { Random } from './random';
import { asciiSlug } from './text';
import { NICKNAMES } from './words';

export interface PersonName {
  first: string;
  last: string;
}

const LOCALES: Record<CountryCode, LocaleDefinition> = { US: en_US, GB: en_GB, DE: de, FR: fr, AU: en_AU, CA: en_CA, NL: nl };
const ENGLISH_SPEAKING: ReadonlySet<CountryCode> = new Set(['US', 'GB', 'AU', 'CA']);
const FORMAL_FIRST_NAMES = Object.keys(NICKNAMES);

/** Faker instances per country, each seeded from its own stream so adding a country shifts nothing. */
export class PeopleNames {
  private readonly fakers = new Map<CountryCode, Faker>();

  constructor(private readonly random: Random) {}

  private faker(country: CountryCode): Faker {
    let faker = this.fakers.get(country);
    if (!faker) {
      faker = new Faker({ locale: [LOCALES[country], en, base] });
      faker.seed(this.random.fork(`faker:${country}`).int(1, 2 ** 31 - 1));
      this.fakers.set(country, faker);
    }
    return faker;
  }

  lastName(country: CountryCode): string {
    return this.faker(country).person.lastName();
  }

  /**
   * English-speaking contacts often carry a formal first name with a common nickname (Robert,
   * Elizabeth), which is what lets a Bob/Robert variant arise at a realistic rate.
   */
  person(country: CountryCode): PersonName {
    const faker = this.faker(country);
    const first =
      ENGLISH_SPEAKING.has(country) && this.random.chance(0.3) ? this.random.pick(FORMAL_FIRST_NAMES) : faker.person.firstName();
    return { first, last: faker.person.lastName() };
  }
}

export function fullName(person: PersonName): string {
  return `${person.first} ${person.last}`;
}

/** A work address local part in one of the common company conventions. */
export function workLocalPart(person: PersonName, random: Random): string {
  const first = asciiSlug(person.first);
  const last = asciiSlug(person.last);
  return random.weighted([
    [`${first}.${last}`, 45],
    [`${first[0]}${last}`, 25],
    [first, 12],
    [`${first}_${last}`, 5],
    [`${first}${last[0]}`, 8],
    ['info', 5],
  ] as const);
}

/** A private free-mail local part: names plus digits, since the plain name is long taken. */
export function freeMailLocalPart(person: PersonName, random: Random): string {
  const first = asciiSlug(person.first);
  const last = asciiSlug(person.last);
  const base = random.pick([`${first}.${last}`, `${first}${last}`, `${first[0]}${last}`, `${last}.${first}`]);
  return random.chance(0.7) ? `${base}${random.int(1, 99)}` : base;
}
