import { describe, expect, it } from 'vitest';
import type { Database } from './client';
import { noteCustomerWrite, ReadRouter, type ReplicaProbe } from './read-routing';

const primary = { name: 'primary' } as unknown as Database;
const replica = { name: 'replica' } as unknown as Database;

/** WAL positions as integers; the replica has replayed up to `replayed`, the primary is at `current`. */
function fakeWal() {
  const state = { current: 100, replayed: 100, down: false, primaryAsked: 0, replicaAsked: 0 };
  const probe: ReplicaProbe = {
    primaryPosition: async () => {
      state.primaryAsked += 1;
      return String(state.current);
    },
    replicaHasReplayed: async (position) => {
      state.replicaAsked += 1;
      if (state.down) throw new Error('connection refused');
      return position === null || state.replayed >= Number(position);
    },
  };
  return { state, probe };
}

// The write clock is process-wide: each test runs on its own stretch of time, later than the one before.
let epoch = 1_000_000_000;
function clock() {
  epoch += 10_000_000;
  const time = { now: epoch };
  return { time, now: () => time.now };
}

const AFTER_WRITE_MS = 1_000;

function router() {
  const wal = fakeWal();
  const { time, now } = clock();
  return { wal, time, reads: new ReadRouter(primary, replica, wal.probe, { afterWriteMs: AFTER_WRITE_MS, retryAfterFailureMs: 5_000, now }) };
}

describe('ReadRouter', () => {
  it('reads from the replica when this process wrote no customers, without asking the primary', async () => {
    const { wal, reads } = router();
    expect(await reads.reader()).toBe(replica);
    expect(wal.state.primaryAsked).toBe(0);
  });

  it('right after a customer write, reads from the primary until the replica has replayed what the primary has', async () => {
    const { wal, time, reads } = router();
    wal.state.current = 200; // the write's commit
    noteCustomerWrite(time.now);
    time.now += 10;
    expect(await reads.reader()).toBe(primary);
    wal.state.replayed = 200;
    expect(await reads.reader()).toBe(replica);
  });

  it('when the window closes, holds the primary position of that moment until the replica reaches it, then stops asking', async () => {
    const { wal, time, reads } = router();
    noteCustomerWrite(time.now);
    wal.state.current = 300;
    time.now += AFTER_WRITE_MS + 1;
    expect(await reads.reader()).toBe(primary); // replica at 100, needs 300
    wal.state.current = 400; // later writes of other processes do not move the fence
    wal.state.replayed = 300;
    expect(await reads.reader()).toBe(replica);
    const asked = wal.state.primaryAsked;
    expect(await reads.reader()).toBe(replica);
    expect(wal.state.primaryAsked).toBe(asked);
  });

  it('falls back to the primary when the replica is unreachable and leaves it alone for the retry period', async () => {
    const { wal, time, reads } = router();
    wal.state.down = true;
    expect(await reads.reader()).toBe(primary);
    wal.state.down = false;
    const asked = wal.state.replicaAsked;
    time.now += 4_000;
    expect(await reads.reader()).toBe(primary);
    expect(wal.state.replicaAsked).toBe(asked);
    time.now += 2_000;
    expect(await reads.reader()).toBe(replica);
  });
});
