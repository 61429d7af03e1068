// npm run export -- --what matches|decisions|customers --format csv|json|jsonl — write an export to a file
// or stdout, page by page; progress goes to stderr so stdout stays the data.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import { createProgress } from '../lib/cli/progress';
import { withDatabase } from '../lib/cli/with-database';
import { parseOrThrow } from '../lib/http/validate';
import { EXPORT_FORMATS, EXPORT_KINDS, exportQuerySchema } from '../lib/schemas/export';
import { exportRecords, exportSize } from '../lib/services/export';

const program = new Command()
  .name('npm run export --')
  .description('Export matches, steward decisions or customers as CSV, JSON or JSON Lines.')
  .requiredOption('--what <kind>', EXPORT_KINDS.join(' | '))
  .option('--format <format>', EXPORT_FORMATS.join(' | '), 'csv')
  .option('--band <bands>', 'matches only: comma-separated bands, e.g. exact,high')
  .option('--reviewed <true|false>', 'matches only: reviewed or open results')
  .option('--since <iso>', 'changed (matches, customers) or decided (decisions) at or after, e.g. 2026-11-01')
  .option('--out <file>', 'write here instead of stdout')
  .option('--bom', 'CSV only: start with a UTF-8 byte order mark so Excel reads the accents right')
  .addHelpText(
    'after',
    `
Examples:
  npm run export -- --what matches --band exact,high --reviewed false --out open-matches.csv
  npm run export -- --what decisions --format jsonl --since 2026-11-01 > decisions.jsonl
  npm run export -- --what customers --out customers.csv     # the import's columns: re-imports as is

CSV cells that start with = + - @ tab or CR are written with a leading ' so a spreadsheet does not run them
as formulas (OWASP); numbers (revenue, probabilities) are never changed. JSON and JSON Lines are raw.`,
  );

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function main() {
  program.parse();
  const flags = program.opts<{ what: string; format: string; band?: string; reviewed?: string; since?: string; out?: string; bom?: boolean }>();
  const query = parseOrThrow(exportQuerySchema, { ...flags, bom: flags.bom ? 'true' : undefined, out: undefined }, 'export options');
  const output: Writable = flags.out ? createWriteStream(flags.out) : process.stdout;
  const written = await withDatabase('cli:export', async (ctx) => {
    const total = await exportSize(ctx, query);
    const bar = createProgress(`export ${query.what}`, total);
    let rows = 0;
    try {
      for await (const chunk of exportRecords(ctx, { ...query, onRows: (done) => bar.update((rows = done)) })) await write(output, chunk);
    } finally {
      bar.stop();
    }
    return rows;
  });
  if (flags.out) {
    output.end();
    await once(output, 'finish');
  }
  console.error(`exported ${written} ${query.what}${flags.out ? ` to ${flags.out}` : ''}`);
}

main().catch((error: unknown) => {
  console.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
