// vector against halfvec on PGlite (pgvector compiled to WebAssembly): exact scan, HNSW build and HNSW
// search on the same 10,000 random 1536-d vectors. Run: npx tsx lib/db/halfvec-pglite-trial.ts
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

const ROWS = 10_000;
const DIMENSIONS = 1536;

async function main() {
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec('create extension vector');
  await db.exec(`create table v (id int, a vector(${DIMENSIONS})); create table h (id int, a halfvec(${DIMENSIONS}))`);
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
  for (let start = 0; start < ROWS; start += 200) {
    const rows = Array.from({ length: 200 }, (_, i) => `(${start + i}, '[${Array.from({ length: DIMENSIONS }, () => random().toFixed(5)).join(',')}]')`);
    await db.exec(`insert into v values ${rows.join(',')}`);
}
await db.exec('insert into h select id, a::halfvec from v');

const time = async (label: string, work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  console.log(`${label}: ${Math.round(performance.now() - started)} ms`);
};
for (const table of ['v', 'h', 'v', 'h']) await time(`${table} exact scan`, () => db.query(`select sum(a <=> (select a from ${table} where id = 1)) from ${table}`));
await time('v HNSW build', () => db.exec('create index on v using hnsw (a vector_cosine_ops)'));
await time('h HNSW build', () => db.exec('create index on h using hnsw (a halfvec_cosine_ops)'));
await db.exec('set hnsw.ef_search = 400');
for (const table of ['v', 'h', 'v', 'h']) {
  await time(`${table} 50 HNSW queries, top 25`, async () => {
    for (let q = 1; q <= 50; q += 1) await db.query(`select id from ${table} order by a <=> (select a from ${table} where id = ${q}) limit 25`);
  });
}
await db.close();
}

void main();
