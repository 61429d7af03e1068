import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import type { CustomerRecord } from '../types';
import { domainComparison, emailComparison, phoneComparison } from './contact-fields';
import type { FieldComparisonDefinition } from './types';

function level(definition: FieldComparisonDefinition, a: CustomerRecord, b: CustomerRecord) {
  return definition.compare(normalizeRecord(a), normalizeRecord(b), {}).level;
}

describe('emailComparison', () => {
  it.each<[string | null, string | null, string]>([
    ['Bob@Acme.com', ' bob@acme.com', 'exact'],
    ['bob@acme.com', 'bob@acme-corp.com', 'sameLocal'],
    // Two records without a company: front desks say nothing about the person (see below).
    ['info@acme.com', 'info@globex.com', 'null'],
    ['bob@acme.com', 'alice@acme.com', 'else'],
    [null, 'bob@acme.com', 'null'],
  ])('%s vs %s → %s', (a, b, expected) => expect(level(emailComparison, { email: a }, { email: b })).toBe(expected));

  it.each<[CustomerRecord, CustomerRecord, string]>([
    // Two people at one front desk: the role mailbox is their employer's, not either person's.
    [{ contactName: 'Andrew Anderson', email: 'info@ca-state.gov' }, { contactName: 'Anna Anderson', email: 'INFO@ca-state.gov' }, 'null'],
    [{ contactName: 'Andrew Anderson', email: 'info@ca-state.gov' }, { contactName: 'Andrew Anderson', email: 'andrew@ca-state.gov' }, 'null'],
    [{ contactName: 'Andrew Anderson', email: 'info@ca-state.gov' }, { contactName: 'Anna Anderson', email: 'info+west@ca-state.gov' }, 'null'],
    // A company's role mailbox is the company's own: evidence that it is the same company.
    [{ companyName: 'Acme', email: 'info@acme.com' }, { companyName: 'Acme Inc', email: 'info@acme.com' }, 'exact'],
    [{ contactName: 'Bob Smith', email: 'info@acme.com' }, { companyName: 'Acme', email: 'info@acme.com' }, 'exact'],
    [{ companyName: 'Acme', email: 'info@acme.com' }, { companyName: 'Globex', email: 'info@globex.com' }, 'else'],
    // A personal mailbox shared by two person records is still the strongest contact evidence.
    [{ contactName: 'Bob Smith', email: 'bsmith@work.com' }, { contactName: 'Robert Smith', email: 'bsmith@work.com' }, 'exact'],
  ])('%j vs %j → %s', (a, b, expected) => expect(level(emailComparison, a, b)).toBe(expected));
});

describe('domainComparison', () => {
  it.each<[CustomerRecord, CustomerRecord, string]>([
    [{ website: 'www.acme.com' }, { email: 'bob@acme.com' }, 'exact'],
    [{ website: 'acme.com', email: 'x@gmail.com' }, { website: 'https://acme.com/about' }, 'exact'],
    [{ email: 'a@gmail.com' }, { email: 'b@gmail.com' }, 'null'],
    [{ website: 'acme.com' }, { website: 'acme.co' }, 'sameName'],
    [{ website: 'acme.com' }, { website: 'acme.de' }, 'sameName'],
    [{ website: 'pioneergesundheit.de' }, { website: 'pioneergesundheti.de' }, 'typo'],
    [{ website: 'acme.com' }, { website: 'acne.com' }, 'typo'],
    [{ website: 'redriverbrewing.com' }, { website: 'redriverbrewinghouston.com' }, 'else'],
    // The same mailbox is one agreement, counted in "email"; its domain is not counted again.
    [{ companyName: 'Acme', email: 'bob@acme.com' }, { companyName: 'Acme', email: 'bob@acme.com' }, 'null'],
    [{ companyName: 'Acme', email: 'bob@acme.com', website: 'acme.com' }, { companyName: 'Acme', email: 'bob@acme.com', website: 'acme.com' }, 'exact'],
    // Two person customers have no company domain: a shared employer's mail domain is not the person.
    [{ contactName: 'Bob Smith', email: 'bob@work.com' }, { contactName: 'Ann Lee', email: 'ann@work.com' }, 'null'],
    [{ website: 'acme.com' }, { website: 'globex.com' }, 'else'],
    [{}, { website: 'acme.com' }, 'null'],
  ])('%j vs %j → %s', (a, b, expected) => expect(level(domainComparison, a, b)).toBe(expected));
});

describe('phoneComparison', () => {
  it.each<[CustomerRecord, CustomerRecord, string]>([
    [{ phone: '702-919-1300' }, { phone: '+1 (702) 919 1300' }, 'exact'],
    [{ phone: '702-919-1300' }, { phone: '919-1300' }, 'last7'],
    [{ phone: '702-919-1300' }, { phone: '725-919-1300' }, 'last7'],
    [{ phone: '702-919-1300' }, { phone: '702-919-1301' }, 'else'],
    [{ phone: '02 9876 5432', country: 'AU' }, { phone: '+61 2 9876 5432' }, 'exact'],
    [{ phone: null }, { phone: '702-919-1300' }, 'null'],
  ])('%j vs %j → %s', (a, b, expected) => expect(level(phoneComparison, a, b)).toBe(expected));
});
