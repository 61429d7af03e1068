// Term frequencies from an in-memory customer list: the share of customers holding each value,
// for the fields comparePair asks about. The services compute the same from database counts.
import type { TermFrequencyLookup } from './compare/types';
import { identifierTermKey } from './normalize/identifier';
import type { NormalizedRecord } from './normalize/record';

/** The (field, value) pairs a record contributes, matching the keys comparePair looks up. */
export function termFrequencyKeys(record: NormalizedRecord): Array<[string, string]> {
  const keys: Array<[string, string | null | undefined]> = [
    ['companyName', record.company?.core],
    ['contactName', record.contact?.key],
    ['email', record.email?.address],
    ['phone', record.phone?.e164],
    ['street', record.address.street],
    ['postalCode', record.address.postalCode],
    ['city', record.address.city],
  ];
  // Full dates only: the comparison looks up the agreed day.
  if (record.dateOfBirth?.day != null) keys.push(['dateOfBirth', record.dateOfBirth.text]);
  for (const identifier of new Set(record.identifiers.map(identifierTermKey))) keys.push(['identifier', identifier]);
  const domains = new Set([record.websiteDomain, record.email && !record.email.isFreeMail ? record.email.domain : null]);
  for (const domain of domains) keys.push(['domain', domain]);
  return keys.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0);
}

export function termFrequencyTable(customers: NormalizedRecord[]): TermFrequencyLookup {
  const counts = new Map<string, number>();
  for (const customer of customers) {
    for (const [field, value] of termFrequencyKeys(customer)) {
      const key = `${field}\u0000${value}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const total = Math.max(1, customers.length);
  return (field, value) => {
    const count = counts.get(`${field}\u0000${value}`);
    return count === undefined ? undefined : count / total;
  };
}
