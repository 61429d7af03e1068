// Against a real streaming replica (scripts/replica.sh): reads are routed to it, and a customer written on
// the primary is found by the next match even while the replica has not replayed it (replay paused).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerInputSchema } from '../schemas/customer';
import { readDatabase, type ServiceContext } from '../services/context';
import { createCustomer } from '../services/customers';
import { submitIncoming } from '../services/incoming';
import { matchIncoming } from '../services/matching';
import { openDatabase, type Database, type DatabaseHandle } from './client';
import { ReadRouter, walProbe } from './read-routing';
import { queryRows } from './rows';
import { openScratchPostgres } from './scratch';
import { replicaTestServers } from './testing';

const servers = replicaTestServers();
const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);
const inRecovery = async (db: Database) => (await queryRows<{ standby: boolean }>(db, sql`select pg_is_in_recovery() as standby`))[0].standby;
const hasCustomer = async (db: Database, id: number) => (await queryRows<{ n: number | string }>(db, sql`select count(*) as n from customers where id = ${id}`))[0].n.toString() === '1';

async function until(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the replica');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!servers)('read replica (TEST_DATABASE_URL + TEST_REPLICA_URL)', () => {
  let primary: DatabaseHandle;
  let replica: DatabaseHandle;
  let ctx: ServiceContext;

  beforeAll(async () => {
    primary = await openScratchPostgres(servers!.primaryUrl, 'cm_replica');
    const [{ name }] = await queryRows<{ name: string }>(primary.db, sql`select current_database() as name`);
    const replicaUrl = new URL(servers!.replicaUrl);
    replicaUrl.pathname = `/${name}`;
    replica = await openDatabase({ kind: 'postgres', connectionString: replicaUrl.toString(), port: Number(replicaUrl.port), database: name, user: 'postgres', ssl: false });
    // The new database (and its migrated schema) reaches the replica by replication.
    await until(async () => (await queryRows(replica.db, sql`select 1 from pg_tables where tablename = 'customers'`)).length === 1);
    const reads = new ReadRouter(primary.db, replica.db, walProbe(primary.db, replica.db), { afterWriteMs: 10_000, retryAfterFailureMs: 5_000 });
    ctx = { db: primary.db, reads, actor: 'test' };
  });

  afterAll(async () => {
    await queryRows(replica?.db, sql`select pg_wal_replay_resume()`).catch(() => undefined);
    await replica?.close();
    await primary?.close();
  });

  it('sends read-only queries to the replica, and reads inside a transaction to the transaction', async () => {
    expect(await inRecovery(await readDatabase(ctx))).toBe(true);
    await primary.db.transaction(async (tx) => {
      expect(await readDatabase({ ...ctx, db: tx as unknown as Database })).toBe(tx);
    });
  });

  it('finds a just-written customer while the replica lags behind it, then reads from the replica again once replayed', async () => {
    await queryRows(replica.db, sql`select pg_wal_replay_pause()`);
    await until(async () => (await queryRows<{ state: string }>(replica.db, sql`select pg_get_wal_replay_pause_state() as state`))[0].state === 'paused');
    const customer = await createCustomer(ctx, input({ company_name: 'Lagging Replica GmbH', email: 'info@lagging-replica.de', city: 'Berlin', country: 'DE' }));
    expect(await hasCustomer(replica.db, customer.id)).toBe(false); // the lag is real

    const incoming = await submitIncoming(ctx, input({ company_name: 'Lagging Replica', email: 'info@lagging-replica.de', country: 'Germany' }));
    const outcome = await matchIncoming(ctx, incoming.id);
    expect(outcome.scored.map((candidate) => candidate.customerId)).toContain(customer.id);
    expect(await readDatabase(ctx)).toBe(primary.db);

    await queryRows(replica.db, sql`select pg_wal_replay_resume()`);
    await until(async () => hasCustomer(replica.db, customer.id));
    await until(async () => (await readDatabase(ctx)) === replica.db);
    const again = await matchIncoming(ctx, incoming.id);
    expect(again.scored[0]?.customerId).toBe(customer.id);
  });
});
