// The PostgreSQL bulk path of the import upsert: a batch goes into a temporary staging table with
// binary COPY (vectors as float4, nothing printed or parsed as text), then one INSERT ... SELECT ...
// ON CONFLICT writes it with the same semantics as the multi-row INSERT that PGlite keeps (PGlite
// has no COPY FROM STDIN through Drizzle). Few round trips, no 15,000-parameter statement to build.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../client';
import { binaryCopyHeader, binaryCopyTrailer, binaryCopyTuple, type CopyColumnKind } from '../copy-binary';
import { quoteIdentifier } from '../rows';

/** The node-postgres client under a Drizzle transaction; null on PGlite or on a pool (no single connection). */
export function copyCapableClient(db: Database): ClientBase | null {
  const client = (db as unknown as { _: { session: { client?: unknown } } })._.session.client as Partial<ClientBase> & { connection?: unknown; release?: unknown };
  return client && typeof client.query === 'function' && typeof client.release === 'function' && client.connection ? (client as ClientBase) : null;
}

interface StagedColumn {
  key: string;
  name: string;
  kind: CopyColumnKind;
  /** The expression that turns the staged value into the column's type. */
  select: string;
  column: PgColumn;
}

function stagedColumns(table: PgTable, keys: string[]): StagedColumn[] {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return keys.map((key) => {
    const column = columns[key];
    const type = column.getSQLType();
    const name = quoteIdentifier(column.name);
    if (type.startsWith('vector')) return { key, name, kind: 'vector', select: name, column };
    // varchar/text stay uncast so an over-long value fails as it would in a plain INSERT.
    const select = type.startsWith('varchar') || type === 'text' ? name : `${name}::${type}`;
    return { key, name, kind: 'text', select, column };
  });
}

function stagedValue(staged: StagedColumn, value: unknown): unknown {
  if (value === null || value === undefined || staged.kind === 'vector') return value;
  return String(staged.column.mapToDriverValue(value));
}

function copyData(staged: StagedColumn[], rows: Array<Record<string, unknown>>): Buffer[] {
  const kinds: CopyColumnKind[] = ['int4', ...staged.map((column) => column.kind)];
  const tuples = rows.map((row, ordinal) => binaryCopyTuple(kinds, [ordinal, ...staged.map((column) => stagedValue(column, row[column.key]))]));
  return [binaryCopyHeader(), ...tuples, binaryCopyTrailer()];
}

export interface CopyUpsert {
  table: PgTable;
  /** The unique key the upsert resolves conflicts on (column names). */
  conflictColumns: string[];
  /** SET expressions for a conflicting row beyond excluded.<column> for every staged column. */
  extraSet: Record<string, string>;
}

/** Upserts rows (all with the keys of the first) through COPY into a staging table; ids in input order. */
export async function copyUpsert(client: ClientBase, upsert: CopyUpsert, rows: Array<Record<string, unknown>>): Promise<Array<{ id: number }>> {
  const staged = stagedColumns(upsert.table, Object.keys(rows[0]));
  // One staging table per connection and column set, emptied at commit; rows an earlier upsert of
  // the same transaction staged are deleted first. No DDL per batch once it exists.
  const columnSet = createHash('sha1').update(staged.map((column) => column.name).join(',')).digest('hex').slice(0, 10);
  const staging = quoteIdentifier(`import_staging_${getTableName(upsert.table)}_${columnSet}`);
  const definitions = staged.map((column) => `${column.name} ${column.kind === 'vector' ? column.column.getSQLType() : 'text'}`);
  await client.query(`create temp table if not exists ${staging} (ordinal int4, ${definitions.join(', ')}) on commit delete rows; delete from ${staging}`);
  await pipeline(Readable.from(copyData(staged, rows)), client.query(copyFrom(`copy ${staging} from stdin (format binary)`)));
  const notTaken = new Set([...upsert.conflictColumns, ...Object.keys(upsert.extraSet)]);
  const set = [
    ...staged.filter((column) => !notTaken.has(column.column.name)).map((column) => `${column.name} = excluded.${column.name}`),
    ...Object.entries(upsert.extraSet).map(([column, expression]) => `${quoteIdentifier(column)} = ${expression}`),
  ];
  const result = await client.query<{ id: string }>(
    `insert into ${quoteIdentifier(getTableName(upsert.table))} (${staged.map((column) => column.name).join(', ')})
     select ${staged.map((column) => column.select).join(', ')} from ${staging} order by ordinal
     on conflict (${upsert.conflictColumns.map(quoteIdentifier).join(', ')}) do update set ${set.join(', ')}
     returning id`,
  );
  return result.rows.map((row) => ({ id: Number(row.id) }));
}
