// One batch of validated import rows: look the rows up by (source_system, source_id), leave
// unchanged ones alone (no embedding, no write), and upsert new and changed ones through
// writeInBatches (one embedder call, one transaction, one audit event), keeping term frequencies right.
import { findBySourceIds, upsertCustomersBySource, upsertIncomingBySource, type StoredBySource } from '../db/queries/import';
import { adjustTermFrequencies } from '../db/queries/term-frequencies';
import type { Embedder } from '../embeddings/types';
import { isResolved, STATE_LABELS, type IncomingState } from '../domain/resolution';
import { contentFingerprint } from '../import/fingerprint';
import type { ImportTarget } from '../import/types';
import { normalizeRecord } from '../matching/normalize/record';
import { termFrequencyKeys } from '../matching/term-frequency';
import type { CustomerRecord } from '../matching/types';
import type { CustomerInput } from '../schemas/customer';
import { writeInBatches, type BulkWriter } from './bulk';
import type { ServiceContext } from './context';

export interface ImportEntry {
  input: CustomerInput & { sourceId: string };
  fingerprint: string;
  /** Where the row is in the file, for a rejection. */
  row: number;
  line: number | null;
}

export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Changed rows that may not be written (an incoming record already resolved), with the reason. */
  refused: Array<{ entry: ImportEntry; reason: string }>;
}

const sourceKey = (sourceSystem: string, sourceId: string) => `${sourceSystem}\u0000${sourceId}`;

async function storedRows(ctx: ServiceContext, target: ImportTarget, entries: ImportEntry[]): Promise<Map<string, StoredBySource>> {
  const idsBySystem = new Map<string, string[]>();
  for (const { input } of entries) idsBySystem.set(input.sourceSystem, [...(idsBySystem.get(input.sourceSystem) ?? []), input.sourceId]);
  const stored = new Map<string, StoredBySource>();
  for (const [sourceSystem, sourceIds] of idsBySystem) {
    for (const row of await findBySourceIds(ctx.db, target, sourceSystem, sourceIds)) stored.set(sourceKey(sourceSystem, row.sourceId), row);
  }
  return stored;
}

function upsertWriter(target: ImportTarget, replaced: CustomerRecord[]): BulkWriter {
  if (target === 'incoming') {
    return {
      action: 'incoming.imported',
      entityType: 'incoming_customer',
      insert: (tx, batch, matchData, needsEmbedding) => upsertIncomingBySource(tx, batch.map((input, i) => ({ ...input, ...matchData[i], needsEmbedding, processingStatus: 'pending' as const }))),
    };
  }
  return {
    action: 'customers.imported',
    entityType: 'customer',
    async insert(tx, batch, matchData) {
      const rows = await upsertCustomersBySource(tx, batch.map((input, i) => ({ ...input, ...matchData[i] })));
      // A changed customer's old values leave the frequencies, its new ones (like a new customer's) enter them.
      await adjustTermFrequencies(tx, replaced.map((record) => termFrequencyKeys(normalizeRecord(record))), -1);
      await adjustTermFrequencies(tx, batch.map((input) => termFrequencyKeys(normalizeRecord(input))), 1);
      return rows;
    },
  };
}

/**
 * Rows in a batch must have distinct source keys (the caller starts a new batch on a repeat), as one
 * INSERT ... ON CONFLICT cannot touch the same row twice.
 */
export async function applyImportBatch(
  ctx: ServiceContext,
  target: ImportTarget,
  entries: ImportEntry[],
  options: { dryRun: boolean; embedder?: Embedder; beforeWrite?: (writes: number) => Promise<void> },
): Promise<BatchCounts> {
  const stored = await storedRows(ctx, target, entries);
  const pending: ImportEntry[] = [];
  const replaced: CustomerRecord[] = [];
  const refused: BatchCounts['refused'] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const existing = stored.get(sourceKey(entry.input.sourceSystem, entry.input.sourceId));
    if (existing && contentFingerprint(existing.fields) === entry.fingerprint) {
      unchanged += 1;
      continue;
    }
    // A decided record keeps what was decided on: a changed version must come with a new source_id.
    if (existing?.status && isResolved(existing.status as IncomingState)) {
      refused.push({ entry, reason: `incoming #${existing.id} with this source_id is already resolved (${STATE_LABELS[existing.status as IncomingState].toLowerCase()}); send the changed record with a new source_id, or change that decision first` });
      continue;
    }
    pending.push(entry);
    if (existing) replaced.push(existing.fields as CustomerRecord);
  }
  const counts = { inserted: pending.length - replaced.length, updated: replaced.length, unchanged, refused };
  if (options.dryRun || pending.length === 0) return counts;
  await options.beforeWrite?.(pending.length);
  await writeInBatches(ctx, pending.map((entry) => entry.input), upsertWriter(target, replaced), { batchSize: pending.length, embedder: options.embedder });
  return counts;
}
