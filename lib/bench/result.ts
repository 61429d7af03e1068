// The shape of one bench run (one database, one size), written as JSON and rendered as Markdown.
import type { StorageSizes } from '../db/queries/bench';
import type { BatchRateResult } from './batch-processes';
import type { EngineLatency, NaiveBaseline } from './engine';
import type { HttpLoadResult } from './http-load';
import type { MachineFacts } from './machine';
import type { RecallCurve } from './recall';
import type { LatencySummary } from './stats';

export interface BenchSettings {
  customers: number;
  incoming: number;
  db: 'pglite' | 'postgres';
  seed: number;
  engineSamples: number;
  httpRequests: number;
  httpConcurrency: number[];
  processes: number[];
  recallQueries: number;
  efValues: number[];
  naiveCap: number;
  naiveRecords: number;
  /** hnsw.ef_search of the name and profile lookups in force. */
  efSearch: { name: number; profile: number };
  hnswTopK: number;
  importBatchSize: number;
  indexBuildMemoryMb: number;
  /** Server and match processes read candidates through DATABASE_READ_URL (a streaming replica). */
  readReplica: boolean;
  /** Measures left out (--skip), e.g. to measure one part again on a kept database. */
  skip: BenchMeasure[];
}

export const BENCH_MEASURES = ['engine', 'naive', 'recall', 'search', 'batch', 'http'] as const;
export type BenchMeasure = (typeof BENCH_MEASURES)[number];

export interface ImportMeasure {
  rows: number;
  /** Rows written per second before the index build (embedding + COPY/INSERT + term frequencies). */
  rowsPerSecond: number;
  /** Including the index build: what a user waits for. */
  rowsPerSecondOverall: number;
  durationMs: number;
  embeddingMs: number;
  writeMs: number;
  /** Every secondary index dropped for the load and built again; hnswBuildMs is the two HNSW graphs' share. */
  indexBuildMs: number;
  /** Absent in results written before the other indexes were dropped too (then indexBuildMs was the HNSW build alone). */
  hnswBuildMs?: number;
  /** True when the rows were there from an earlier run (--reuse): nothing was imported now. */
  reused: boolean;
}

export interface HttpMeasure extends HttpLoadResult {
  /** Server (next start and its children) resident memory after the run. */
  serverRssBytes: number;
  /** CPU seconds per wall second during the run: 1.0 = one full core. */
  serverCpuCores: number;
  /** The same for the PostgreSQL backends of the bench database (null on PGlite: it is inside the server). */
  postgresCpuCores: number | null;
  /** CPU milliseconds per record served: what the latency would be on an idle machine, roughly. */
  cpuMsPerRecord: { server: number; database: number | null };
  auth: 'api-key' | 'open';
}

export interface BenchResult {
  startedAt: string;
  settings: BenchSettings;
  machine: MachineFacts;
  /** Wall time of each step, in order: what took how long on this machine. */
  steps: Array<{ step: string; ms: number; note?: string }>;
  import?: ImportMeasure;
  storage?: StorageSizes & { directoryBytes: number | null; bytesPerCustomer: number };
  engine?: EngineLatency;
  naive?: NaiveBaseline;
  recall?: { curves: RecallCurve[]; chosenEfSearch: number | null; target: number };
  search?: LatencySummary;
  batch?: BatchRateResult[];
  http?: HttpMeasure[];
  serverRssIdleBytes?: number;
  notes: string[];
}
