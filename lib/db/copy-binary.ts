// Rows in PostgreSQL's binary COPY format, for the few column kinds the bulk import stages: int4,
// text (any value PostgreSQL can read from its text form) and pgvector's vector (float4 each, so
// 1536-d embeddings are neither printed in JS nor parsed by the server).

export type CopyColumnKind = 'int4' | 'text' | 'vector';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const NULL_LENGTH = -1;

/** Header: signature, flags (no OIDs), header extension length. */
export function binaryCopyHeader(): Buffer {
  const header = Buffer.alloc(SIGNATURE.length + 8);
  SIGNATURE.copy(header);
  return header;
}

/** The end-of-data marker (a tuple with field count -1). */
export function binaryCopyTrailer(): Buffer {
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1);
  return trailer;
}

function fieldLength(kind: CopyColumnKind, value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (kind === 'int4') return 4;
  if (kind === 'vector') return 4 + 4 * (value as ArrayLike<number>).length;
  return Buffer.byteLength(value as string);
}

/** One tuple; text values must already be strings (the column's text form). */
export function binaryCopyTuple(kinds: readonly CopyColumnKind[], values: readonly unknown[]): Buffer {
  let size = 2;
  for (let i = 0; i < kinds.length; i += 1) size += 4 + fieldLength(kinds[i], values[i]);
  const tuple = Buffer.allocUnsafe(size);
  let at = tuple.writeInt16BE(kinds.length, 0);
  for (let i = 0; i < kinds.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) {
      at = tuple.writeInt32BE(NULL_LENGTH, at);
      continue;
    }
    at = tuple.writeInt32BE(fieldLength(kinds[i], value), at);
    if (kinds[i] === 'int4') at = tuple.writeInt32BE(value as number, at);
    else if (kinds[i] === 'text') at += tuple.write(value as string, at);
    else at = writeVector(tuple, at, value as ArrayLike<number>);
  }
  return tuple;
}

/** pgvector's binary form (vector_recv): int16 dimensions, int16 unused (0), float4 values. */
function writeVector(target: Buffer, offset: number, vector: ArrayLike<number>): number {
  let at = target.writeInt16BE(vector.length, offset);
  at = target.writeInt16BE(0, at);
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < vector.length; i += 1) at = target.writeFloatBE(vector[i], at);
    return at;
  }
  // One typed-array conversion and a native byte swap: 1536 writeFloatBE calls per vector were most of
  // the import's own CPU (the float bits are the same either way).
  const bytes = Buffer.from(Float32Array.from(vector).buffer).swap32();
  return at + bytes.copy(target, at);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
