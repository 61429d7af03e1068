// Which main-navigation section a path belongs to (pure, so it is unit-tested without a browser).
export function isActivePath(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
