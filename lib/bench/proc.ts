// Resident memory and CPU time of local processes from /proc (Linux): the server under load, and the
// PostgreSQL backends serving it. Zero where /proc is unavailable or the process has gone.
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces: the fields after it start at the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The process and every process below it (next start may fork its server). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [root];
  }
  for (const entry of entries) {
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** Resident set size in bytes (field 24 of stat: rss in pages). */
export function rssBytes(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + Number(statFields(pid)?.[21] ?? 0) * PAGE_BYTES, 0);
}

/** User + system CPU seconds used so far. */
export function cpuSeconds(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => {
    const fields = statFields(pid);
    return sum + (fields ? (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND : 0);
  }, 0);
}

/**
 * CPU seconds used by a changing set of processes between start() and stop(): polled, because match
 * processes and database backends come and go during a run and /proc forgets a process when it exits.
 */
export class CpuMeter {
  private readonly baseline = new Map<number, number>();
  private readonly latest = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly pids: () => Promise<number[]>,
    private readonly intervalMs = 500,
  ) {}

  private async poll(first: boolean): Promise<void> {
    for (const pid of await this.pids().catch(() => [])) {
      const used = cpuSeconds([pid]);
      if (used === 0 && !this.latest.has(pid)) continue;
      // A process first seen after the start did all its work since then.
      if (!this.baseline.has(pid)) this.baseline.set(pid, first ? used : 0);
      this.latest.set(pid, Math.max(used, this.latest.get(pid) ?? 0));
    }
  }

  async start(): Promise<void> {
    await this.poll(true);
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll(false));
    }, this.intervalMs);
  }

  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll(false);
    let total = 0;
    for (const [pid, used] of this.latest) total += used - (this.baseline.get(pid) ?? 0);
    return total;
  }
}
