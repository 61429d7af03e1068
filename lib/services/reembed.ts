// Re-embeds stored records with a given embedder: after switching provider or model, or to fill the
// embeddings of incoming records stored while the provider was down. With `refresh`, every row's match
// keys and embeddings are derived anew and the term frequencies rebuilt: after an upgrade that changed
// how names, mailboxes or addresses are normalised. Resumable: rows are taken in id
// order among those whose model differs (or whose embeddings are missing) and committed per batch, so a
// re-run after a crash continues where the last one stopped.
import { clearNeedsEmbedding, countRowsToReembed, nextRowsToReembed, storeDerivedColumns, storeEmbeddings, type EmbeddedTable, type ReembedSelection, type RowToReembed } from '../db/queries/embeddings';
import { adjustTermFrequencies, clearTermFrequencies } from '../db/queries/term-frequencies';
import { withEmbeddingCache } from '../embeddings/cache';
import type { Embedder, EmbeddingCacheStore } from '../embeddings/types';
import { logger } from '../logger';
import { embeddingTexts, normalizeRecord } from '../matching/normalize/record';
import { termFrequencyKeys } from '../matching/term-frequency';
import type { ServiceContext } from './context';
import { deriveMatchDataBatch, embeddingCacheFor } from './match-data';
import { matchIncoming } from './matching';

export const REEMBED_TARGETS = ['customers', 'incoming', 'all'] as const;
export type ReembedTarget = (typeof REEMBED_TARGETS)[number];

/** Rows per batch: one embedder call (2 texts a row, within one 2,048-input request) and one commit each. */
export const DEFAULT_REEMBED_BATCH_SIZE = 500;

/** Statuses whose stored results came from a degraded match and are refreshed once embeddings exist. */
const REMATCHED_STATUSES = new Set(['matched', 'no_match']);

export interface ReembedOptions {
  embedder: Embedder;
  target: ReembedTarget;
  batchSize?: number;
  /** Only rows without embeddings (needs_embedding), not rows embedded by another model. */
  pendingOnly?: boolean;
  /** Re-match incoming records that had been matched without embeddings (default true). */
  rematch?: boolean;
  /**
   * Every row, whatever its model: match keys and embeddings derived anew with the current
   * normalisation, and the customers' term frequencies rebuilt from scratch (after an upgrade).
   */
  refresh?: boolean;
  /** Default: the embedding_cache table (remote providers only). */
  cache?: EmbeddingCacheStore | null;
  /** Called once with the totals, then after each committed batch. */
  onProgress?: (progress: { table: EmbeddedTable; done: number; total: number }) => void;
}

export interface ReembedSummary {
  model: string;
  customers: { total: number; embedded: number };
  incoming: { total: number; embedded: number };
  rematched: number;
  /** With refresh: the term frequencies were rebuilt from every customer. */
  termFrequenciesRebuilt: boolean;
}

/** Incoming records matched while they had no embeddings: their stored results are partial. */
const needsRematch = (row: RowToReembed, rematch: boolean) => rematch && row.needsEmbedding && REMATCHED_STATUSES.has(row.processingStatus ?? '');

async function reembedTable(ctx: ServiceContext, table: EmbeddedTable, embedder: Embedder, selection: ReembedSelection, options: ReembedOptions) {
  const total = await countRowsToReembed(ctx.db, table, selection);
  const batchSize = options.batchSize ?? DEFAULT_REEMBED_BATCH_SIZE;
  const rematch = options.rematch ?? true;
  options.onProgress?.({ table, done: 0, total });
  let done = 0;
  let rematched = 0;
  let afterId = 0;
  for (;;) {
    const rows = await nextRowsToReembed(ctx.db, table, selection, afterId, batchSize);
    if (rows.length === 0) break;
    // Network first, then a short transaction: a batch is stored whole or not at all.
    if (selection.everything) {
      const derived = await deriveMatchDataBatch(rows, embedder);
      await storeDerivedColumns(ctx.db, table, rows.map((row, i) => ({ id: row.id, values: derived[i], keepNeedsEmbedding: needsRematch(row, rematch) })));
    } else {
      const texts = rows.map((row) => embeddingTexts(row));
      const vectors = await embedder.embed(texts.flatMap((text) => [text.companyName, text.fullProfile]));
      await storeEmbeddings(
        ctx.db,
        table,
        embedder.model,
        rows.map((row, i) => ({ id: row.id, companyNameEmbedding: vectors[2 * i], fullProfileEmbedding: vectors[2 * i + 1], keepNeedsEmbedding: needsRematch(row, rematch) })),
      );
    }
    // needs_embedding stays set until the re-match is done: after a crash the next run re-embeds (from the
    // cache) and re-matches these rows again instead of leaving partial results behind.
    for (const row of rows.filter((candidate) => needsRematch(candidate, rematch))) {
      await matchIncoming(ctx, row.id);
      await clearNeedsEmbedding(ctx.db, row.id);
      rematched += 1;
    }
    afterId = rows[rows.length - 1].id;
    done += rows.length;
    options.onProgress?.({ table, done, total: Math.max(total, done) });
  }
  return { total, embedded: done, rematched };
}

/** The customers' term frequencies counted again from every row, in one transaction (readers never see half). */
async function rebuildTermFrequencies(ctx: ServiceContext, batchSize: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await clearTermFrequencies(tx);
    const everything: ReembedSelection = { model: '', missingOnly: false, everything: true };
    for (let afterId = 0; ; ) {
      const rows = await nextRowsToReembed(tx, 'customers', everything, afterId, batchSize);
      if (rows.length === 0) break;
      await adjustTermFrequencies(tx, rows.map((row) => termFrequencyKeys(normalizeRecord(row))), 1);
      afterId = rows[rows.length - 1].id;
    }
  });
}

export async function reembed(ctx: ServiceContext, options: ReembedOptions): Promise<ReembedSummary> {
  const cache = options.cache === undefined ? embeddingCacheFor(ctx.db) : options.cache;
  const embedder = cache ? withEmbeddingCache(options.embedder, cache) : options.embedder;
  const refresh = options.refresh ?? false;
  const selection: ReembedSelection = { model: embedder.model, missingOnly: options.pendingOnly ?? false, everything: refresh };
  const summary: ReembedSummary = { model: embedder.model, customers: { total: 0, embedded: 0 }, incoming: { total: 0, embedded: 0 }, rematched: 0, termFrequenciesRebuilt: false };
  if (options.target !== 'incoming') {
    const { total, embedded } = await reembedTable(ctx, 'customers', embedder, selection, options);
    summary.customers = { total, embedded };
    if (refresh) {
      await rebuildTermFrequencies(ctx, options.batchSize ?? DEFAULT_REEMBED_BATCH_SIZE);
      summary.termFrequenciesRebuilt = true;
    }
  }
  if (options.target !== 'customers') {
    const { total, embedded, rematched } = await reembedTable(ctx, 'incoming', embedder, selection, options);
    summary.incoming = { total, embedded };
    summary.rematched = rematched;
  }
  logger().info({ model: summary.model, customers: summary.customers, incoming: summary.incoming, rematched: summary.rematched }, 're-embedding finished');
  return summary;
}
