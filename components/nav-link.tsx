'use client';
// A main-navigation link that marks the current section with aria-current="page" (and not by colour alone).
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActivePath } from './nav-path';

export function NavLink({ href, children, external = false }: { href: string; children: React.ReactNode; external?: boolean }) {
  const pathname = usePathname() ?? '/';
  const active = isActivePath(pathname, href);
  const className = `block rounded-md px-2.5 py-1.5 text-sm ${
    active ? 'bg-blue-50 font-semibold text-blue-900 underline decoration-2 underline-offset-4' : 'text-slate-700 hover:bg-slate-100 hover:text-blue-800'
  }`;
  // /docs is a static Swagger page outside the React app: a plain link avoids a client-side navigation.
  if (external) {
    return (
      <a href={href} className={className} aria-current={active ? 'page' : undefined}>
        {children}
      </a>
    );
  }
  return (
    <Link href={href} className={className} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}
