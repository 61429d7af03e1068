// Opt-in check that an import streams: a generated CSV of --mb megabytes (default 200) is produced on
// the fly and dry-run imported into an in-memory PGlite; resident memory is sampled throughout and the
// growth over the baseline must stay under --max-growth-mb (default 150). Exit 1 when it does not.
//   npx tsx scripts/import-memory.ts --mb 200
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { openScratchPglite } from '../lib/db/scratch';
import { importRecords } from '../lib/services/import';

const program = new Command()
  .option('--mb <n>', 'size of the generated CSV in MB', (value) => Number(value), 200)
  .option('--max-growth-mb <n>', 'allowed RSS growth over the baseline', (value) => Number(value), 150)
  .parse();
const { mb, maxGrowthMb } = program.opts<{ mb: number; maxGrowthMb: number }>();

const HEADER = 'company_name,contact_name,email,phone,address_line1,city,postal_code,country,industry,revenue,employee_count,description\n';

/** Rows of plausible width (~250 bytes), every 1000th one bad, until the byte budget is spent. */
function* csvText(bytes: number): Generator<string> {
  yield HEADER;
  let produced = HEADER.length;
  for (let i = 1; produced < bytes; i += 1) {
    const email = i % 1000 === 0 ? 'broken-address' : `contact${i}@company${i}.example`;
    const row = `Company ${i} Holdings Ltd,Contact Person ${i},${email},+44 20 7946 ${String(i % 10000).padStart(4, '0')},${i} High Street,London,SW1A ${i % 9}AA,GB,Manufacturing,${i * 10},${i % 500},"A description of company ${i}, which makes things"\n`;
    produced += row.length;
    yield row;
  }
}

async function main() {
  const handle = await openScratchPglite();
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const started = performance.now();
  const summary = await importRecords({ db: handle.db, actor: 'memory-check' }, Readable.from(csvText(mb * 1_000_000)), { target: 'customers', format: 'csv', dryRun: true });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await handle.close();
  const growthMb = (peak - baseline) / 1e6;
  const seconds = (performance.now() - started) / 1000;
  console.log(`${mb} MB CSV, ${summary.rowsRead} rows (${summary.inserted} valid, ${summary.rejected} rejected) in ${seconds.toFixed(1)} s (${(summary.rowsRead / seconds).toFixed(0)} rows/s, dry run)`);
  console.log(`RSS baseline ${(baseline / 1e6).toFixed(0)} MB, peak ${(peak / 1e6).toFixed(0)} MB, growth ${growthMb.toFixed(0)} MB (bound ${maxGrowthMb} MB)`);
  if (growthMb > maxGrowthMb) {
    console.error('memory grew beyond the bound: the import is not streaming');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
