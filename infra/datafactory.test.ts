// The Data Factory copy into incoming_customers, checked against the table itself (lib/db/schema.ts and the
// migrations): every column is either mapped or left to the database and the worker, for a stated reason.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { incomingCustomers } from '../lib/db/schema';
import { INCOMING_STATES } from '../lib/domain/resolution';
import { modules, readText, repoDir, resourceOf } from './test-support';

const columns = JSON.parse(readText('infra/datafactory/incoming-columns.json')) as {
  viewColumns: string[];
  sourceSystemColumn: string;
  constantColumns: Record<string, string>;
  upsertKeys: string[];
};
const mapped = [...columns.viewColumns, columns.sourceSystemColumn, ...Object.keys(columns.constantColumns)];
const table = getTableConfig(incomingCustomers);

const NOT_MAPPED: Record<string, string> = {
  id: 'bigserial key',
  identifiers: 'jsonb: a copy writes text; load identifiers through the API or the file import',
  name_normalized: 'match key derived by the worker',
  legal_form: 'match key derived by the worker',
  email_normalized: 'match key derived by the worker',
  email_domain: 'match key derived by the worker',
  phone_e164: 'match key derived by the worker',
  website_domain: 'match key derived by the worker',
  postal_code_normalized: 'match key derived by the worker',
  street_number: 'match key derived by the worker',
  identifier_keys: 'match key derived by the worker',
  company_name_embedding: 'embedding derived by the worker',
  full_profile_embedding: 'embedding derived by the worker',
  embedding_model: 'embedding derived by the worker',
  received_at: 'defaults to now()',
  processed_at: 'set when matched',
  error_message: 'set when matching fails',
  claimed_at: 'queue claim of a worker',
  claimed_by: 'queue claim of a worker',
  version: 'bumped by every state change (optimistic locking of decisions)',
  resolved_customer_id: 'set by a steward\'s decision',
  resolved_at: 'set by a steward\'s decision',
  resolution: 'set by a steward\'s decision',
};

describe('Data Factory column mapping', () => {
  it('maps or deliberately leaves out every incoming_customers column, and no other column', () => {
    const names = table.columns.map((column) => column.name);
    expect(mapped.filter((name) => !names.includes(name))).toEqual([]);
    expect(names.filter((name) => !mapped.includes(name) && !NOT_MAPPED[name])).toEqual([]);
    expect(mapped.filter((name) => NOT_MAPPED[name])).toEqual([]);
    expect(new Set(mapped).size).toBe(mapped.length);
  });

  it('fills status pending, source system and source id', () => {
    expect(mapped).toEqual(expect.arrayContaining(['processing_status', 'source_system', 'source_id']));
    expect(columns.constantColumns.processing_status).toBe("'pending'");
    expect(INCOMING_STATES).toContain('pending');
    // Re-derive keys and embeddings of a row the copy updated (the worker re-derives flagged rows).
    expect(columns.constantColumns.needs_embedding).toBe('CAST(1 AS bit)');
  });

  it('writes plain scalar columns only (no vectors, arrays or JSON)', () => {
    const types = Object.fromEntries(table.columns.map((column) => [column.name, column.getSQLType()]));
    expect(mapped.filter((name) => !/^(varchar|text|numeric|integer|boolean)/.test(types[name]))).toEqual([]);
  });

  it('upserts on the table\'s unique source key', () => {
    const sourceKey = table.indexes.find((index) => index.config.name === 'incoming_source_uq')!;
    expect(sourceKey.config.unique).toBe(true);
    expect(columns.upsertKeys).toEqual(sourceKey.config.columns.map((column) => (column as { name: string }).name));
  });

  it('agrees with the migrations the database is built from', () => {
    const sql = readdirSync(path.join(repoDir, 'drizzle')).filter((file) => file.endsWith('.sql')).sort().map((file) => readText(`drizzle/${file}`)).join('\n');
    const created = /CREATE TABLE "incoming_customers" \(([\s\S]*?)\n\);/.exec(sql)![1];
    const added = [...sql.matchAll(/ALTER TABLE "incoming_customers" ADD COLUMN "(\w+)"/g)].map((match) => match[1]);
    const inSql = [...[...created.matchAll(/^\s*"(\w+)"/gm)].map((match) => match[1]), ...added];
    expect(mapped.filter((name) => !inSql.includes(name))).toEqual([]);
    expect(/"processing_status" varchar\(20\) DEFAULT 'pending' NOT NULL/.test(created)).toBe(true);
  });
});

describe('Data Factory pipeline in modules/datafactory.bicep', () => {
  const file = modules.datafactory;

  it('builds the query and the mapping from incoming-columns.json', () => {
    expect(file.vars.get('columns')).toBe("loadJsonContent('../datafactory/incoming-columns.json')");
    expect(file.vars.get('sinkColumns')).toBe('concat(columns.viewColumns, [columns.sourceSystemColumn], map(constants, c => c.key))');
    expect(file.vars.get('selectList')).toContain('columns.viewColumns');
    const copy = resourceOf('datafactory', 'copyIncoming').body;
    expect(copy).toMatch(/source: \{ type: 'SqlServerSource', sqlReaderQuery: sourceQuery \}/);
    expect(copy).toMatch(/mappings: map\(sinkColumns, c => \{ source: \{ name: c \}, sink: \{ name: c \} \}\)/);
    expect(copy).toMatch(/sink: \{ type: 'AzurePostgreSqlSink', writeMethod: 'Upsert', upsertSettings: \{ keys: columns\.upsertKeys \} \}/);
  });

  it('reads SQL Server and writes incoming_customers through Key Vault secrets, on a schedule', () => {
    expect(resourceOf('datafactory', 'sinkData').body).toMatch(/typeProperties: \{ schema: 'public', table: 'incoming_customers' \}/);
    expect(resourceOf('datafactory', 'sqlServer').body).toMatch(/type: 'SqlServer'[\s\S]*connectVia: selfHostedIr[\s\S]*secretName: 'sqlserver-connection-string'/);
    expect(resourceOf('datafactory', 'postgres').body).toMatch(/type: 'AzurePostgreSql'[\s\S]*secretName: 'postgres-password'/);
    expect(resourceOf('keyvault', 'postgresPassword').body).toContain("name: 'postgres-password'");
    const trigger = resourceOf('datafactory', 'schedule').body;
    expect(trigger).toMatch(/type: 'ScheduleTrigger'[\s\S]*referenceName: copyIncoming\.name/);
    expect(trigger).toMatch(/windowStart: .*trigger\(\)\.scheduledTime.*\n\s*windowEnd: '@\{trigger\(\)\.scheduledTime\}'/);
  });
});
