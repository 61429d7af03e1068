import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { NavLink } from '@/components/nav-link';
import { StewardBadge } from '@/components/steward-badge';
import './globals.css';

const NAV_ITEMS: { href: string; label: string; external?: boolean }[] = [
  { href: '/', label: 'Submit' },
  { href: '/review', label: 'Review' },
  { href: '/directory', label: 'Customers' },
  { href: '/import', label: 'Import' },
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/audit-log', label: 'Audit' },
  { href: '/docs', label: 'API docs', external: true },
];

export const metadata: Metadata = {
  title: { default: 'Customer Matching', template: '%s · Customer Matching' },
  description: 'Find which existing customer an incoming record is, with calibrated confidence and reasons.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-slate-900">
              Customer Matching
            </Link>
            <nav aria-label="Main" className="order-3 w-full md:order-none md:w-auto md:flex-1">
              <ul className="flex flex-wrap gap-1">
                {NAV_ITEMS.map((item) => (
                  <li key={item.href}>
                    <NavLink href={item.href} external={item.external}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <StewardBadge />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
