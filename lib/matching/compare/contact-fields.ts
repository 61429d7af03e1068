// Comparisons of how to reach the record: email mailbox, company domain, phone.
import type { NormalizedRecord } from '../normalize/record';
import { jaroWinkler } from './similarity';
import { nullOutcome, type FieldComparisonDefinition } from './types';

/** Role mailboxes: the same "info@" on two domains says nothing about the person or company. */
const ROLE_LOCAL_PARTS = new Set([
  'info', 'sales', 'contact', 'admin', 'office', 'hello', 'support', 'accounts', 'billing',
  'enquiries', 'inquiries', 'team', 'mail', 'service', 'help', 'marketing', 'hr', 'jobs', 'noreply',
]);

export const emailComparison: FieldComparisonDefinition = {
  field: 'email',
  levels: ['exact', 'sameLocal', 'else'],
  description: 'Email address: identical, same personal local part on another domain (domain typo or change); company domains are compared in "domain"',
  compare(a, b) {
    const left = a.email?.address ?? null;
    const right = b.email?.address ?? null;
    if (!a.email || !b.email) return nullOutcome(left, right);
    if (left === right) return { level: 'exact', left, right, termFrequencyKey: { field: 'email', value: left! } };
    if (a.email.local === b.email.local && !ROLE_LOCAL_PARTS.has(a.email.local)) {
      return { level: 'sameLocal', left, right };
    }
    return { level: 'else', left, right };
  },
};

/** The company's own domains: the website's and a non-free-mail email domain (may be the same). */
function companyDomains(record: NormalizedRecord): string[] {
  const domains = [record.websiteDomain, record.email && !record.email.isFreeMail ? record.email.domain : null];
  return [...new Set(domains.filter((domain): domain is string => domain !== null))];
}

/**
 * Email domain and website domain carry the same evidence (the company's domain), so they are
 * merged into this one comparison instead of being counted twice (MATCHING.md §1).
 */
export const domainComparison: FieldComparisonDefinition = {
  field: 'domain',
  levels: ['exact', 'fuzzy', 'else'],
  description: 'Company domain from website or non-free-mail email: shared, near-identical (JW ≥ 0.92, e.g. typo), different',
  compare(a, b) {
    const leftDomains = companyDomains(a);
    const rightDomains = companyDomains(b);
    const left = leftDomains.join(', ') || null;
    const right = rightDomains.join(', ') || null;
    if (leftDomains.length === 0 || rightDomains.length === 0) return nullOutcome(left, right);
    const shared = leftDomains.find((domain) => rightDomains.includes(domain));
    if (shared) return { level: 'exact', left, right, termFrequencyKey: { field: 'domain', value: shared } };
    const near = leftDomains.some((x) => rightDomains.some((y) => jaroWinkler(x, y) >= 0.92));
    return { level: near ? 'fuzzy' : 'else', left, right };
  },
};

export const phoneComparison: FieldComparisonDefinition = {
  field: 'phone',
  levels: ['exact', 'last7', 'else'],
  description: 'Phone: same E.164 number, same last seven digits (area code missing or changed), different',
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
