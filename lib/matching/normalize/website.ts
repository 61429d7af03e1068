// Websites: the registrable domain (public-suffix aware via tldts), so "https://www.acme.co.uk/about"
// and "acme.co.uk" are the same site.
import { getDomain } from 'tldts';

export function websiteDomain(raw: string | null | undefined): string | null {
  const trimmed = raw?.trim().toLowerCase();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
  return getDomain(withScheme);
}
