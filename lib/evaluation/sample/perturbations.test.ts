import { describe, expect, test } from 'vitest';
import { IdentityRegistry, profileToRecord, type CompanyProfile } from './company';
import { COUNTRIES } from './countries';
import { PeopleNames } from './people';
import { Random } from './random';
import { applyPerturbations } from './variants';
import { INDUSTRIES } from './words';
import type { PerturbationKind } from './perturbation-kinds';

const US = COUNTRIES.US;
const newYork = US.cities.find((city) => city.name === 'New York')!;

const acme: CompanyProfile = {
  country: US,
  city: newYork,
  name: { brand: 'Bluepeak', descriptor: 'Analytics', legalForm: 'Inc', hasThe: false, isPartnership: false },
  industry: INDUSTRIES[0],
  contact: { first: 'Robert', last: 'Johnson' },
  domain: 'bluepeakanalytics.com',
  emailLocalPart: 'robert.johnson',
  emailDomain: 'bluepeakanalytics.com',
  phoneE164: '+12125550134',
  phoneStyle: 'national',
  address: { line1: '120 First Avenue', line2: 'Suite 400' },
  postalCode: '10009',
  countryWritten: 'US',
  cityWritten: 'New York',
  stateWritten: 'NY',
  website: 'https://www.bluepeakanalytics.com',
  revenue: 5_000_000,
  employeeCount: 40,
  description: 'Bluepeak Analytics builds dashboards.',
};

function perturb(kind: PerturbationKind, profile: CompanyProfile = acme, seed = 1) {
  return applyPerturbations(profile, [kind], { random: new Random(seed), registry: new IdentityRegistry(), people: new PeopleNames(new Random(seed)) });
}

/** The result over several seeds: perturbations are random within their kind. */
function outcomes(kind: PerturbationKind, field: keyof ReturnType<typeof profileToRecord>, profile: CompanyProfile = acme) {
  return new Set(Array.from({ length: 40 }, (_, seed) => perturb(kind, profile, seed).record[field]));
}

describe('profile perturbations on a fixed customer', () => {
  test('the customer renders as expected', () => {
    expect(profileToRecord(acme)).toMatchObject({
      companyName: 'Bluepeak Analytics Inc',
      contactName: 'Robert Johnson',
      email: 'robert.johnson@bluepeakanalytics.com',
      phone: '(212) 555-0134',
    });
  });

  test('legal_form_change uses another spelling of the same form or drops it', () => {
    expect(outcomes('legal_form_change', 'companyName')).toEqual(
      new Set(['Bluepeak Analytics Inc.', 'Bluepeak Analytics Incorporated', 'Bluepeak Analytics']),
    );
  });

  test.each([
    ['the_prefix', 'companyName', 'The Bluepeak Analytics Inc'],
    ['company_word_order', 'companyName', 'Analytics Bluepeak Inc'],
    ['contact_initials', 'contactName', 'R. Johnson'],
    ['contact_name_order', 'contactName', 'Johnson, Robert'],
    ['ordinal', 'addressLine1', '120 1st Avenue'],
    ['city_alias', 'city', expect.stringMatching(/^(NYC|New York City)$/)],
  ] as const)('%s on %s → %s', (kind, field, expected) => {
    const variant = perturb(kind);
    expect(variant.perturbations).toEqual([kind]);
    expect(variant.record[field]).toEqual(expected);
  });

  test('contact_nickname uses a nickname of the first name', () => {
    expect(outcomes('contact_nickname', 'contactName')).toEqual(new Set(['Bob Johnson', 'Rob Johnson', 'Bobby Johnson']));
  });

  test('street_abbreviation abbreviates the street type or the suite', () => {
    const results = outcomes('street_abbreviation', 'addressLine1');
    expect([...results].every((line1) => ['120 First Ave', '120 First Ave.', '120 First Avenue'].includes(line1 as string))).toBe(true);
    const lines2 = outcomes('street_abbreviation', 'addressLine2');
    expect([...lines2].every((line2) => ['Suite 400', 'Ste 400', 'Ste. 400'].includes(line2 as string))).toBe(true);
  });

  test('street_abbreviation writes out an abbreviation, and works on glued German street types', () => {
    const abbreviated = { ...acme, address: { line1: '77 Oak St', line2: null } };
    expect(perturb('street_abbreviation', abbreviated).record.addressLine1).toBe('77 Oak Street');
    const german = { ...acme, country: COUNTRIES.DE, address: { line1: 'Hauptstraße 12', line2: null } };
    expect(perturb('street_abbreviation', german).record.addressLine1).toBe('Hauptstr. 12');
  });

  test('phone_format keeps the number and changes the writing', () => {
    for (const phone of outcomes('phone_format', 'phone')) {
      expect(phone).not.toBe('(212) 555-0134');
      expect(String(phone).replace(/\D/g, '').slice(-10)).toBe('2125550134');
    }
  });

  test('email_domain_change keeps the person and moves the domain', () => {
    for (const email of outcomes('email_domain_change', 'email')) {
      expect(email).not.toBe('robert.johnson@bluepeakanalytics.com');
      expect(String(email)).toMatch(/^(robert\.johnson@bluepeakanalytics\.(net|co|biz|io)|.*johnson.*@(gmail|yahoo|outlook|hotmail|aol|icloud)\.com)$/);
    }
  });

  test('kinds that cannot apply report nothing', () => {
    const plain = { ...acme, contact: { first: 'Zoe', last: 'Li' }, address: { line1: '9 Oak Street', line2: null } };
    expect(perturb('contact_nickname', plain).perturbations).toEqual([]);
    expect(perturb('ordinal', plain).perturbations).toEqual([]);
    expect(perturb('city_alias', { ...acme, city: US.cities.find((city) => city.name === 'Chicago')! }).perturbations).toEqual([]);
  });
});

describe('record perturbations on a fixed customer', () => {
  test('typos change one field by a small edit', () => {
    const variant = perturb('company_typo');
    expect(variant.record.companyName).not.toBe('Bluepeak Analytics Inc');
    expect(variant.record.companyName!.length - 'Bluepeak Analytics Inc'.length).toBeGreaterThanOrEqual(-1);
    expect(variant.record.companyName!.length - 'Bluepeak Analytics Inc'.length).toBeLessThanOrEqual(1);
  });

  test('missing_fields empties two to four fields and keeps at least two identifiers', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const { record } = perturb('missing_fields', acme, seed);
      const emptied = Object.entries(profileToRecord(acme)).filter(([key, value]) => value !== null && record[key as keyof typeof record] === null);
      expect(emptied.length).toBeGreaterThanOrEqual(2);
      expect(emptied.length).toBeLessThanOrEqual(4);
      expect(['email', 'phone', 'addressLine1', 'website'].filter((field) => record[field as keyof typeof record] != null).length).toBeGreaterThanOrEqual(2);
      expect(record.companyName).toBe('Bluepeak Analytics Inc');
    }
  });
});
