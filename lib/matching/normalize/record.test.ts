import { describe, expect, it } from 'vitest';
import { embeddingTexts, matchKeys, normalizeRecord } from './record';

const acme = {
  companyName: 'The ACME Corp.',
  contactName: 'Smith, Bob',
  email: 'Bob.Smith@Acme.com',
  phone: '(702) 919-1300',
  addressLine1: '123 North Main Street',
  addressLine2: 'Suite 200',
  city: 'Las Vegas',
  state: 'Nevada',
  postalCode: '89132-1234',
  country: 'USA',
  website: 'https://www.acme.com/',
  industry: 'Manufacturing',
};

describe('matchKeys', () => {
  it('derives every blocking key from the raw record', () => {
    expect(matchKeys(acme)).toEqual({
      nameNormalized: 'acme',
      legalForm: 'corp',
      emailNormalized: 'bob.smith@acme.com',
      emailDomain: 'acme.com',
      phoneE164: '+17029191300',
      websiteDomain: 'acme.com',
      postalCode: '89132',
      streetNumber: '123',
      identifierKeys: [],
    });
  });

  it('uses the person name when there is no company, and drops free-mail domains', () => {
    expect(matchKeys({ contactName: 'Smith, Bob', email: 'bob@gmail.com' })).toMatchObject({
      nameNormalized: 'robert smith',
      emailDomain: null,
      emailNormalized: 'bob@gmail.com',
    });
  });

  it('gives null keys for an empty record', () => {
    const { identifierKeys, ...keys } = matchKeys({});
    expect(Object.values(keys).every((value) => value === null)).toBe(true);
    expect(identifierKeys).toEqual([]);
  });

  it('derives identifier keys with and without the issuing country', () => {
    const keys = matchKeys({
      identifiers: [
        { type: 'Passport', value: 'x-1234', country: 'USA' },
        { type: 'VAT', value: 'DE 123 456 789' },
        { type: 'SSN', value: '000-00-0000' },
      ],
    });
    expect(keys.identifierKeys).toEqual(['passport:US:X1234', 'passport:X1234', 'vat:DE123456789']);
  });
});

describe('normalizeRecord', () => {
  it('takes the company domain from the website, else a non-free-mail email', () => {
    expect(normalizeRecord({ email: 'a@acme.io' }).companyDomain).toBe('acme.io');
    expect(normalizeRecord({ email: 'a@gmail.com' }).companyDomain).toBeNull();
    expect(normalizeRecord({ email: 'a@acme.io', website: 'acme.com' }).companyDomain).toBe('acme.com');
  });
  it('ignores non-finite numbers', () => {
    expect(normalizeRecord({ revenue: Number.NaN, employeeCount: 12 })).toMatchObject({ revenue: null, employeeCount: 12 });
  });
});

describe('embeddingTexts', () => {
  it('is built from normalised values in a fixed order', () => {
    const texts = embeddingTexts(acme);
    expect(texts.companyName).toBe('acme');
    expect(texts.fullProfile).toBe(
      'acme | bob smith | 123 n main st ste 200 | las vegas NV 89132 US | acme.com | bob.smith | 9191300 | manufacturing',
    );
  });
  it('gives the same text for differently written versions of the same facts', () => {
    const variant = { ...acme, companyName: 'Acme Corporation', state: 'NV', postalCode: '89132', website: 'acme.com' };
    expect(embeddingTexts(variant)).toEqual(embeddingTexts(acme));
  });
  it('leaves out the local part of a role mailbox, the same word at every organisation', () => {
    expect(embeddingTexts({ contactName: 'Andrew Anderson', email: 'info@ca-state.gov' }).fullProfile).toBe('anderson andrew | ca-state.gov');
    expect(embeddingTexts({ contactName: 'Andrew Anderson', email: 'andrew@ca-state.gov' }).fullProfile).toBe('anderson andrew | ca-state.gov | andrew');
  });
});
