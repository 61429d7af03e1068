// A "Download" disclosure of export links. Plain anchors, not <Link>: the files are attachments, not pages.
import { buttonClasses } from '@/components/ui/button';
import type { DownloadLink } from '@/lib/ui/export-links';

export function DownloadMenu({ links, note }: { links: DownloadLink[]; note?: string }) {
  return (
    <details className="relative" data-testid="download-menu">
      <summary className={buttonClasses('secondary', 'cursor-pointer list-none [&::-webkit-details-marker]:hidden')}>
        Download <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-72 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <a className="block rounded px-2 py-1.5 text-sm text-blue-800 hover:bg-blue-50" href={link.href}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
        {note ? <p className="mt-1 border-t border-slate-100 px-2 pt-1.5 text-xs text-slate-600">{note}</p> : null}
      </div>
    </details>
  );
}
