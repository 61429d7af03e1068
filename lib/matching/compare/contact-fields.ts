// Comparisons of how to reach the record: email mailbox, company domain, phone.
import type { NormalizedRecord } from '../normalize/record';
import { levenshtein } from './similarity';
import { agreeLevel, closeLevel, CONTACT_POINT_GROUP, disagreeLevel, nullOutcome, type FieldComparisonDefinition } from './types';

/** The registrable domain without its public suffix: "acme.co.uk" → "acme". */
function domainLabel(domain: string): string {
  return domain.split('.')[0];
}

/**
 * A typing error, not a different name: one edit, or two in a long label. Jaro-Winkler is not used
 * here because "acme.com" and "acmelondon.com" share a long prefix but are different sites.
 */
function isTypo(a: string, b: string): boolean {
  const allowed = Math.min(a.length, b.length) >= 10 ? 2 : 1;
  return Math.abs(a.length - b.length) <= allowed && levenshtein(a, b) <= allowed;
}

/** A person customer: no company name, no website. */
function isPerson(record: NormalizedRecord): boolean {
  return record.company === null && record.websiteDomain === null;
}

export const emailComparison: FieldComparisonDefinition = {
  field: 'email',
  label: 'Email',
  // The same mailbox confirms who it is. The same name at another domain is a hint, not a confirmation:
  // a handle made of the name (jjones@) recurs at every provider, and agrees whenever the names do.
  levels: [
    agreeLevel('exact', 'same address after normalising', { corroborates: true }),
    closeLevel('sameLocal', 'same mailbox name, other domain'),
    disagreeLevel('else', 'different addresses'),
  ],
  description: 'Email address: identical, same personal local part on another domain (domain typo or change); company domains are compared in "domain"',
  evidenceGroup: CONTACT_POINT_GROUP,
  compare(a, b) {
    const left = a.email?.address ?? null;
    const right = b.email?.address ?? null;
    if (!a.email || !b.email) return nullOutcome(left, right);
    // A front desk (info@, sales@) is an employer's, not a person's: like the employer's mail
    // domain it says nothing about which person a record is, shared or not.
    if ((a.email.isRole || b.email.isRole) && isPerson(a) && isPerson(b)) return nullOutcome(left, right);
    if (left === right) return { level: 'exact', left, right, termFrequencyKey: { field: 'email', value: left! } };
    if (a.email.local === b.email.local && !a.email.isRole) {
      return { level: 'sameLocal', left, right };
    }
    return { level: 'else', left, right };
  },
};

/**
 * The company's own domains: the website's and a non-free-mail email domain (may be the same).
 * `withEmail` false leaves the email's out: when both records have the same address, its domain
 * agreeing is part of that agreement, already counted in "email".
 */
function companyDomains(record: NormalizedRecord, withEmail: boolean): string[] {
  const domains = [record.websiteDomain, withEmail && record.email && !record.email.isFreeMail ? record.email.domain : null];
  return [...new Set(domains.filter((domain): domain is string => domain !== null))];
}

/**
 * Email domain and website domain carry the same evidence (the company's domain), so they are
 * merged into this one comparison instead of being counted twice.
 */
export const domainComparison: FieldComparisonDefinition = {
  field: 'domain',
  label: 'Web domain',
  // The same registered domain confirms. The same name under another suffix (acme.com / acme.de) is what
  // namesakes in two countries hold, and a domain like the name agrees whenever the names do.
  levels: [
    agreeLevel('exact', 'same web domain', { corroborates: true }),
    closeLevel('sameName', 'same name under another ending (.com / .de)'),
    closeLevel('typo', 'domain one typing error apart'),
    disagreeLevel('else', 'different domains'),
  ],
  description: 'Company domain from website or non-free-mail email: shared, same name under another suffix (acme.com / acme.de), one or two typing errors apart, different',
  // Businesses sharing an office or a group share its domain with its address and switchboard.
  evidenceGroup: CONTACT_POINT_GROUP,
  compare(a, b) {
    // Two person customers (no company name, no website) have no company domain: a shared
    // employer's or provider's mail domain says nothing about the person; "email" compares them.
    if (isPerson(a) && isPerson(b)) return nullOutcome(null, null);
    const sameEmail = a.email !== null && a.email.address === b.email?.address;
    const leftDomains = companyDomains(a, !sameEmail);
    const rightDomains = companyDomains(b, !sameEmail);
    const left = leftDomains.join(', ') || null;
    const right = rightDomains.join(', ') || null;
    if (leftDomains.length === 0 || rightDomains.length === 0) return nullOutcome(left, right);
    const shared = leftDomains.find((domain) => rightDomains.includes(domain));
    if (shared) return { level: 'exact', left, right, termFrequencyKey: { field: 'domain', value: shared } };
    if (leftDomains.some((x) => rightDomains.some((y) => domainLabel(x) === domainLabel(y)))) {
      return { level: 'sameName', left, right };
    }
    const typo = leftDomains.some((x) => rightDomains.some((y) => isTypo(domainLabel(x), domainLabel(y))));
    return { level: typo ? 'typo' : 'else', left, right };
  },
};

export const phoneComparison: FieldComparisonDefinition = {
  field: 'phone',
  label: 'Phone',
  // The same number, with or without its area code, confirms.
  levels: [
    agreeLevel('exact', 'same number after normalising', { corroborates: true }),
    closeLevel('last7', 'same last 7 digits', { corroborates: true }),
    disagreeLevel('else', 'different numbers'),
  ],
  description: 'Phone: same E.164 number, same last seven digits (area code missing or changed), different',
  evidenceGroup: CONTACT_POINT_GROUP,
  compare(a, b) {
    const left = a.phone ? (a.phone.e164 ?? a.phone.last7) : null;
    const right = b.phone ? (b.phone.e164 ?? b.phone.last7) : null;
    if (!a.phone || !b.phone) return nullOutcome(left, right);
    if (a.phone.e164 && a.phone.e164 === b.phone.e164) {
      return { level: 'exact', left, right, termFrequencyKey: { field: 'phone', value: a.phone.e164 } };
    }
    if (a.phone.last7 === b.phone.last7) return { level: 'last7', left, right };
    return { level: 'else', left, right };
  },
};
