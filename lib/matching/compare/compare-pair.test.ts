import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import { MATCH_MODEL } from '../model';
import { comparePair, contradicts, exactHold } from './compare-pair';

describe('comparePair', () => {
  const a = normalizeRecord({ companyName: 'Acme Corporation', email: 'bob@acme.com', phone: '702-919-1300' });
  const b = normalizeRecord({ companyName: 'ACME Corp.', email: 'bob@acme.com', phone: '702 919 1300' });

  it('returns one comparison per field, in the fixed order, with null levels for missing data', () => {
    const vector = comparePair(a, b);
    expect(vector.comparisons.map((comparison) => comparison.field)).toEqual(MATCH_MODEL.comparisons.map((d) => d.field));
    expect(vector.comparisons.find((c) => c.field === 'street')?.level).toBe('null');
    expect(vector.comparisons.find((c) => c.field === 'companyName')).toMatchObject({ level: 'exact', left: 'acme', right: 'acme' });
  });

  it('attaches term frequencies for exact agreements only, ignoring invalid ones', () => {
    const lookups: string[] = [];
    const vector = comparePair(a, b, {}, (field, value) => {
      lookups.push(`${field}=${value}`);
      return field === 'phone' ? 7 : 0.01;
    });
    // The shared mailbox's domain is part of the email agreement, so "domain" is not looked up.
    expect(lookups).toEqual(['companyName=acme', 'email=bob@acme.com', 'phone=+17029191300']);
    expect(vector.comparisons.find((c) => c.field === 'companyName')?.termFrequency).toBe(0.01);
    expect(vector.comparisons.find((c) => c.field === 'phone')?.termFrequency).toBeUndefined();
    expect(vector.comparisons.find((c) => c.field === 'legalForm')?.termFrequency).toBeUndefined();
  });

  it('every level a comparison returns is one of its declared levels or null', () => {
    const records = [a, b, normalizeRecord({}), normalizeRecord({ companyName: 'Globex LLC', addressLine1: '1 Main St', city: 'Reno' })];
    for (const x of records) {
      for (const y of records) {
        for (const comparison of comparePair(x, y, { profileCosine: 0.5, nameCosine: 0.5 }).comparisons) {
          const definition = MATCH_MODEL.comparisons.find((d) => d.field === comparison.field)!;
          expect([...definition.levels.map((level) => level.name), 'null']).toContain(comparison.level);
        }
      }
    }
  });
});

describe('contradicts', () => {
  const compared = (x: Parameters<typeof normalizeRecord>[0], y: Parameters<typeof normalizeRecord>[0]) =>
    comparePair(normalizeRecord(x), normalizeRecord(y)).comparisons;
  const address = { addressLine1: '1450 N City Rd Suite 900', city: 'Arlington', state: 'VA', postalCode: '23208' };

  it.each<[string, Parameters<typeof normalizeRecord>[0], Parameters<typeof normalizeRecord>[0]]>([
    ['Jr against Sr', { contactName: 'David Dobbins Jr', ...address }, { contactName: 'David Dobbins Senior', ...address }],
    ['clearly different given names', { contactName: 'Mark Kusha', dateOfBirth: '1997-09-28' }, { contactName: 'Marsha Kusha', dateOfBirth: '1997-09-28' }],
    ['birth dates years apart', { contactName: 'John Smith', dateOfBirth: '1950-01-01' }, { contactName: 'John Smith', dateOfBirth: '1990-06-30' }],
    ['two numbers of one document', { contactName: 'John Smith', identifiers: [{ type: 'ssn', value: '123-45-6789' }] }, { contactName: 'John Smith', identifiers: [{ type: 'ssn', value: '987-65-4321' }] }],
    ['the first against the second of a name', { contactName: 'Morris I Klein', dateOfBirth: '1982-04-12' }, { contactName: 'Morris II Klein', dateOfBirth: '1982-04-12' }],
    ['given names that differ by more than a typo', { contactName: 'Darla Anderson', dateOfBirth: '1980-01-07' }, { contactName: 'Darletta Anderson', dateOfBirth: '1980-01-07' }],
    ['a given name and a longer one', { contactName: 'Anna Anderson', phone: '702-221-2211' }, { contactName: 'Annabelle Anderson', phone: '702-221-2211' }],
  ])('finds a contradiction: %s', (_, x, y) => expect(contradicts(compared(x, y))).toBe(true));

  it.each<[string, Parameters<typeof normalizeRecord>[0], Parameters<typeof normalizeRecord>[0]]>([
    ['a nickname and a typo', { contactName: 'Bob Smith', ...address }, { contactName: 'Robert Smtih', ...address }],
    ['one generation missing', { contactName: 'David Dobbins Jr', ...address }, { contactName: 'David Dobbins', ...address }],
    ['nothing in common', { companyName: 'Acme' }, { companyName: 'Globex' }],
    ['a typo of two letters in the given name', { contactName: 'Stephen Smith', ...address }, { contactName: 'Steven Smith', ...address }],
    ['a middle initial I without any numbered name', { contactName: 'Morris I Klein', ...address }, { contactName: 'Morris Klein Jr', ...address }],
    ['a middle initial I beside a numbered name with that initial', { contactName: 'Morris I Klein II', ...address }, { contactName: 'Morris I Klein', ...address }],
    ['swapped letters and a typo in a surname', { contactName: 'John Wojciechowski', ...address }, { contactName: 'John Wojceichowsky', ...address }],
    ['swapped letters and a dropped one', { contactName: 'Maria Hernandez', ...address }, { contactName: 'Maria Hernadnez', ...address }],
  ])('finds none: %s', (_, x, y) => expect(contradicts(compared(x, y))).toBe(false));

  it('keeps the level of a name that differs by more than a typo: only the band is closed to it', () => {
    const name = compared({ contactName: 'Darla Anderson' }, { contactName: 'Darletta Anderson' }).find((comparison) => comparison.field === 'personName');
    expect(name).toMatchObject({ level: 'fuzzy', contradicts: true });
    // With a middle initial the name is at the initials level: the given names still differ.
    const withInitial = compared({ contactName: 'Darla J Smith' }, { contactName: 'Darletta Jane Smith' }).find((comparison) => comparison.field === 'personName');
    expect(withInitial).toMatchObject({ level: 'initials', contradicts: true });
    // At a company the contact is not who the record is: no contradiction from the contact's name.
    const contact = compared({ companyName: 'Acme', contactName: 'Darla Anderson' }, { companyName: 'Acme', contactName: 'Darletta Anderson' });
    expect(contradicts(contact)).toBe(false);
  });
});

describe('exactHold', () => {
  const hold = (x: Parameters<typeof normalizeRecord>[0], y: Parameters<typeof normalizeRecord>[0]) =>
    exactHold(comparePair(normalizeRecord(x), normalizeRecord(y), { profileCosine: 1, nameCosine: 1 }).comparisons);

  it('holds a pair whose names agree and nothing else confirms it', () => {
    // One department mailbox is no evidence about the person (contact-fields.ts), a profile sums up the name.
    expect(hold({ contactName: 'Andrew Anderson', email: 'info@ca-state.gov' }, { contactName: 'Andy Anderson', email: 'info@ca-state.gov' })).toBe('uncorroborated');
    // The same handle at another provider is a hint, not a confirmation.
    expect(hold({ contactName: 'Jay Jones', email: 'jjones@jones.com' }, { contactName: 'Jones Jay', email: 'jjones@fmail.com' })).toBe('uncorroborated');
    expect(hold({ companyName: 'Acme Corp', city: 'Reno', state: 'NV' }, { companyName: 'ACME Corporation', city: 'Reno', state: 'NV' })).toBe('uncorroborated');
  });

  it.each<[string, Parameters<typeof normalizeRecord>[0], Parameters<typeof normalizeRecord>[0]]>([
    ['a street line without a house number', { contactName: 'Jay Jones', addressLine1: 'High Street' }, { contactName: 'Jay Jones', addressLine1: 'High St' }],
    ['a birth month without the day', { contactName: 'Jay Jones', dateOfBirth: '1980-01-07' }, { contactName: 'Jay Jones', dateOfBirth: '1980-01-21' }],
    ['the company name under another suffix', { companyName: 'Acme', website: 'acme.com' }, { companyName: 'Acme GmbH', website: 'acme.de' }],
  ])('does not take %s for a confirmation', (_, x, y) => expect(hold(x, y)).toBe('uncorroborated'));

  it.each<[string, Parameters<typeof normalizeRecord>[0], Parameters<typeof normalizeRecord>[0]]>([
    ['a birth date', { contactName: 'Andrew Anderson', dateOfBirth: '1980-01-07' }, { contactName: 'Andy Anderson', dateOfBirth: '1980-01-07' }],
    ['a mailbox', { contactName: 'Jay Jones', email: 'jjones@jones.com' }, { contactName: 'Jay Jones', email: 'JJones@jones.com' }],
    ['a phone number without its area code', { contactName: 'Jay Jones', phone: '702-221-2211' }, { contactName: 'Jay Jones', phone: '221-2211' }],
    ['a street line with a typo', { companyName: 'Acme', addressLine1: '12 Main Street' }, { companyName: 'Acme Inc', addressLine1: '12 Mian St' }],
    ['the same street line and number', { companyName: 'Acme', addressLine1: '12 Main Street' }, { companyName: 'Acme Inc', addressLine1: '12 Main St.' }],
    ['a birth date with day and month swapped', { contactName: 'Jay Jones', dateOfBirth: '1980-01-07' }, { contactName: 'Jay Jones', dateOfBirth: '1980-07-01' }],
    ['a website', { companyName: 'Acme', website: 'https://www.acme.com' }, { companyName: 'Acme Inc', website: 'acme.com/about' }],
    ['a document', { contactName: 'John Smith', identifiers: [{ type: 'ssn', value: '123-45-6789' }] }, { contactName: 'J Smith', identifiers: [{ type: 'ssn', value: '123456789' }] }],
  ])('lets a pair confirmed by %s be exact', (_, x, y) => expect(hold(x, y)).toBeNull());

  it('holds a company pair whose name and contact person both differ, however much of the premises they share', () => {
    // Names whose embeddings are far apart (the shared helper says every name embedding agrees).
    const hold = (x: Parameters<typeof normalizeRecord>[0], y: Parameters<typeof normalizeRecord>[0]) =>
      exactHold(comparePair(normalizeRecord(x), normalizeRecord(y), { profileCosine: 1, nameCosine: 0.2 }).comparisons);
    const premises = { addressLine1: '400 Harbor Blvd', addressLine2: 'Suite 210', city: 'Tampa', state: 'FL', postalCode: '33602', phone: '813-555-0100', website: 'harborplaza.com' };
    const dental = { ...premises, companyName: 'Harbor Dental Group LLC', contactName: 'Maria Lopez' };
    expect(hold(dental, { ...premises, companyName: 'Harbor View Realty PLC', contactName: 'Tom Becker' })).toBe('identityDisagrees');
    // A rebrand that keeps its people, and a new contact under the same name, may still be exact.
    expect(hold(dental, { ...premises, companyName: 'Bayside Smiles LLC', contactName: 'Maria Lopez' })).toBeNull();
    expect(hold(dental, { ...premises, companyName: 'Harbor Dental Group', contactName: 'Tom Becker' })).toBeNull();
    // Another name and nobody known on one side: nothing says who it is beyond the premises.
    expect(hold(dental, { ...premises, companyName: 'Harbor View Realty PLC' })).toBe('identityDisagrees');
    // A sister company in the building: the brand alike, the rest of the name and the person not.
    expect(hold({ ...premises, companyName: 'Solitech Group', contactName: 'Susan Hamill' }, { ...premises, companyName: 'Solitech Energy', contactName: 'Tristin Kuhn' })).toBe('identityDisagrees');
  });

  it('names a contradiction before a missing confirmation', () => {
    expect(hold({ contactName: 'David Dobbins Jr' }, { contactName: 'David Dobbins Sr' })).toBe('contradiction');
    expect(hold({ contactName: 'David Dobbins Jr', phone: '702-221-2211' }, { contactName: 'David Dobbins Sr', phone: '702-221-2211' })).toBe('contradiction');
  });
});
