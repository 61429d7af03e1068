// Email addresses: one lower-case form, local part and registrable domain kept apart, and
// free-mail domains marked so a shared gmail.com never counts as "same company".
import { getDomain } from 'tldts';

/**
 * Consumer mailbox providers, by the registrable domain's first label so every country
 * variant counts (yahoo.co.uk, gmx.de, outlook.fr ...).
 */
const FREE_MAIL_PROVIDERS = new Set([
  'gmail', 'googlemail', 'yahoo', 'ymail', 'rocketmail', 'hotmail', 'outlook', 'live', 'msn',
  'aol', 'aim', 'icloud', 'me', 'mac', 'protonmail', 'proton', 'pm', 'gmx', 'web', 'mail',
  'email', 'yandex', 'qq', '163', '126', 'sina', 'naver', 'daum', 'zoho', 'fastmail', 'hey',
  'tutanota', 'tuta', 'comcast', 'verizon', 'att', 'sbcglobal', 'bellsouth', 'cox', 'charter',
  'earthlink', 'btinternet', 'sky', 'orange', 'wanadoo', 'free', 'laposte', 'libero', 'virgilio',
  'seznam', 'rediffmail', 'inbox', 'rambler', 'bigpond', 'optusnet', 'shaw', 'rogers', 'sympatico',
  't-online', 'freenet', 'mailinator', 'lycos', 'juno', 'netzero', 'excite',
]);

/**
 * Role mailboxes (RFC 2142 and their everyday cousins): an address of a function of an
 * organisation, read by whoever holds it, not of one person.
 */
const ROLE_LOCAL_PARTS = new Set([
  'info', 'sales', 'contact', 'admin', 'office', 'hello', 'support', 'accounts', 'billing',
  'enquiries', 'inquiries', 'team', 'mail', 'service', 'help', 'marketing', 'hr', 'jobs', 'noreply',
  'no-reply', 'donotreply', 'do-not-reply', 'reception', 'orders', 'invoices', 'careers',
]);

/** "info+uk" and "info" are one mailbox; the tag after "+" routes mail inside it. */
function isRoleLocalPart(local: string): boolean {
  return ROLE_LOCAL_PARTS.has(local.split('+')[0]);
}

export interface NormalizedEmail {
  address: string;
  local: string;
  /** Registrable domain ("mail.acme.co.uk" → "acme.co.uk"). */
  domain: string;
  isFreeMail: boolean;
  /** A role mailbox (info@, sales@, ...): it names a function of an organisation, not a person. */
  isRole: boolean;
}

/** Pulls the address out of display forms such as `"Jay Jones" <jjones@acme.com>`. */
function bareAddress(raw: string): string {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(raw);
  return (bracketed ? bracketed[1] : raw).trim().toLowerCase().replace(/^mailto:/, '');
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_PROVIDERS.has(domain.split('.')[0]);
}

export function normalizeEmail(raw: string | null | undefined): NormalizedEmail | null {
  if (!raw || !raw.includes('@')) return null;
  const address = bareAddress(raw);
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const host = address.slice(at + 1);
  if (!local || !host) return null;
  const domain = getDomain(host) ?? host;
  return { address: `${local}@${host}`, local, domain, isFreeMail: isFreeMailDomain(domain), isRole: isRoleLocalPart(local) };
}
