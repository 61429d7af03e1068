import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import './globals.css';

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
          <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-slate-900">
              Customer Matching
            </Link>
            <nav aria-label="Main">
              <ul className="flex gap-4 text-sm">
                <li>
                  <Link className="text-slate-700 hover:text-blue-700" href="/">Customers</Link>
                </li>
                <li>
                  <a className="text-slate-700 hover:text-blue-700" href="/docs">API docs</a>
                </li>
                <li>
                  <a className="text-slate-700 hover:text-blue-700" href="/api/v1/health">Health</a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
