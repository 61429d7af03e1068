// The rejects file of a CLI import: one CSV line per problem (row, line, source_id, field, reason),
// created on the first rejection so a clean import leaves no empty file behind.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import type { Rejection, RejectsSink } from '@/lib/services/import-summary';

export const REJECT_COLUMNS = ['row', 'line', 'source_id', 'field', 'reason'] as const;

export function rejectionCsvLine(rejection: Rejection): string {
  return stringify([[rejection.row, rejection.line ?? '', rejection.sourceId ?? '', rejection.field, rejection.reason]]);
}

export interface RejectsFile extends RejectsSink {
  readonly path: string;
  readonly written: number;
  close(): Promise<void>;
}

export function rejectsFile(filePath: string): RejectsFile {
  let stream: WriteStream | undefined;
  let written = 0;
  return {
    path: filePath,
    get written() {
      return written;
    },
    async write(rejection) {
      if (!stream) {
        stream = createWriteStream(filePath);
        stream.write(stringify([[...REJECT_COLUMNS]]));
      }
      written += 1;
      // Waits when the disk is slower than the parser, so a file of bad rows cannot fill memory.
      if (!stream.write(rejectionCsvLine(rejection))) await once(stream, 'drain');
    },
    async close() {
      if (!stream) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}
