// Read-only queries that tolerate a streaming replica (candidate search, customer search, the directory)
// go to DATABASE_READ_URL, everything else to the primary. Read-your-writes: after this process changed
// customers, a read uses the replica only once it has replayed the primary's WAL up to a point after that write.
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { queryRows } from './rows';

/** When this process last changed customers or their term frequencies (the data candidate search reads). */
const customerWrites = { lastAt: Number.NEGATIVE_INFINITY };

/**
 * Called by every query that writes customers. It may run inside a transaction that commits later,
 * so it opens a window (ReadRouterOptions.afterWriteMs) instead of taking the WAL position here.
 */
export function noteCustomerWrite(now = Date.now()): void {
  customerWrites.lastAt = Math.max(customerWrites.lastAt, now);
}

export interface ReplicaProbe {
  /** The primary's WAL position now (pg_current_wal_lsn). */
  primaryPosition(): Promise<string>;
  /** Whether the replica has replayed up to `position`, or — with none — is reachable. */
  replicaHasReplayed(position: string | null): Promise<boolean>;
}

export interface ReadRouterOptions {
  /** Longer than any transaction that writes customers: within it every read compares WAL positions. */
  afterWriteMs: number;
  /** After the replica failed a check, reads stay on the primary this long before it is tried again. */
  retryAfterFailureMs: number;
  now?: () => number;
}

export class ReadRouter {
  /** The WAL position the replica must reach before it serves reads again (set when a write window closes). */
  private pendingPosition: string | null = null;
  private windowFrom = Number.NEGATIVE_INFINITY;
  private replicaDownUntil = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(
    readonly primary: Database,
    readonly replica: Database,
    private readonly probe: ReplicaProbe,
    private readonly options: ReadRouterOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The database for the next read-only query: the replica when it is up and has this process's writes. */
  async reader(): Promise<Database> {
    const now = this.now();
    if (now < this.replicaDownUntil) return this.primary;
    try {
      return (await this.replicaIsCurrent(now)) ? this.replica : this.primary;
    } catch {
      this.replicaDownUntil = now + this.options.retryAfterFailureMs;
      return this.primary;
    }
  }

  private async replicaIsCurrent(now: number): Promise<boolean> {
    const lastWrite = customerWrites.lastAt;
    if (lastWrite > this.windowFrom && now - lastWrite < this.options.afterWriteMs) {
      // A write of this process may have committed a moment ago: the replica must have what the primary has now.
      return this.probe.replicaHasReplayed(await this.probe.primaryPosition());
    }
    if (lastWrite > this.windowFrom) {
      // The window closed: every write noted in it has committed by now, so this position covers them all.
      this.pendingPosition = await this.probe.primaryPosition();
      this.windowFrom = lastWrite;
    }
    const pending = this.pendingPosition;
    const current = await this.probe.replicaHasReplayed(pending);
    if (current && this.pendingPosition === pending) this.pendingPosition = null;
    return current;
  }
}

/** The probe over two real connections: WAL positions compared by PostgreSQL (pg_lsn), not as text. */
export function walProbe(primary: Database, replica: Database): ReplicaProbe {
  return {
    async primaryPosition() {
      const [row] = await queryRows<{ position: string }>(primary, sql`select pg_current_wal_lsn()::text as position`);
      return row.position;
    },
    async replicaHasReplayed(position) {
      // Not in recovery (DATABASE_READ_URL names a primary, or a promoted replica): it has every write.
      const [row] = await queryRows<{ current: boolean }>(
        replica,
        position === null
          ? sql`select true as current`
          : sql`select case when pg_is_in_recovery() then coalesce(pg_last_wal_replay_lsn() >= ${position}::pg_lsn, false) else true end as current`,
      );
      return row.current === true;
    },
  };
}
