// What the steps of one bench run share, and how a step is timed and kept from stopping the others.
import type { LabelledRecord } from '../evaluation/datasets/types';
import type { BenchDatabase } from './database';
import type { BenchResult, BenchSettings } from './result';

export interface BenchRunOptions extends Omit<BenchSettings, 'readReplica'> {
  databaseUrl: string;
  /** A streaming replica's server URL: the server and match processes read through it. */
  readUrl?: string;
  workDir: string;
  /** Keep the database of an earlier run when it holds exactly `customers` customers. */
  reuse: boolean;
  runId: string;
}

export interface BenchRun {
  options: BenchRunOptions;
  result: BenchResult;
  database: BenchDatabase;
  incoming: LabelledRecord[];
  /** Incoming source id → the source id of the customer it truly is (variants only). */
  trueCustomerOf: Map<string, string>;
  incomingCsv: string;
}

export async function step(result: BenchResult, name: string, work: () => Promise<string | void>): Promise<void> {
  console.error(`— ${name}`);
  const started = performance.now();
  try {
    const note = await work();
    result.steps.push({ step: name, ms: Math.round(performance.now() - started), ...(note ? { note } : {}) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result.steps.push({ step: name, ms: Math.round(performance.now() - started), note: `failed: ${message.slice(0, 300)}` });
    result.notes.push(`${name} failed: ${message.slice(0, 300)}`);
    console.error(`  ${name} failed: ${message}`);
  }
}

