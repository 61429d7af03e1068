// --help for the small diagnostic scripts that parse flags with node:util parseArgs: their usage is the
// comment block that opens the file, printed as it is, so the help and the source never disagree.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The leading `//` comment block of a source text, without the comment markers. */
export function leadingComment(source: string): string {
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line.replace(/^\/\/ ?/, ''));
  }
  return lines.join('\n');
}

/** Prints the calling script's opening comment and exits when the command line asks for help. */
export function printUsageIfAsked(scriptUrl: string, argv: string[] = process.argv.slice(2)): void {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  console.log(leadingComment(readFileSync(fileURLToPath(scriptUrl), 'utf8')));
  process.exit(0);
}
